package org.gatehouse.web.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Objects;
import org.gatehouse.identity.IdentityException;
import org.gatehouse.identity.PasswordResetService;

/** The "forgot password" page and the page a reset link opens. */
@Named("reset")
@RequestScoped
public class ResetBacking {

    static final String SENT = "If an account exists for this address, a link to reset its password is on its way."
            + " It can be used once, within one hour.";

    @Inject
    private PasswordResetService resets;

    @Inject
    private FacesContext faces;

    private String email;
    private String token;
    private String password;
    private String confirmation;
    private boolean valid;

    public boolean isAvailable() {
        return resets.isAvailable();
    }

    public void requireAvailable() throws IOException {
        if (!resets.isAvailable()) {
            faces.getExternalContext().responseSendError(404, "Not found");
            faces.responseComplete();
        }
    }

    public void request() {
        resets.requestReset(email);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, SENT, null));
        email = null;
    }

    /** On opening a link: is it still good? */
    public void load() {
        if (token == null) {
            token = faces.getExternalContext().getRequestParameterMap().get("token");
        }
        valid = resets.isValid(token);
        if (!valid) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "This link is invalid or has expired; ask for a new one.", null));
        }
    }

    public void save() throws IOException {
        if (!Objects.equals(password, confirmation)) {
            faces.addMessage("form:confirmation", new FacesMessage(FacesMessage.SEVERITY_ERROR, "The passwords do not match", null));
            valid = true;
            return;
        }
        try {
            resets.resetPassword(token, password);
            ExternalContext external = faces.getExternalContext();
            external.getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Your password was changed. Sign in with the new one.", null));
            external.redirect(external.getRequestContextPath() + "/login");
        } catch (IdentityException e) {
            faces.addMessage(e.getField() == null ? null : "form:" + e.getField(),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            valid = e.getField() != null;
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    public boolean isValid() {
        return valid;
    }
}
