package org.gatehouse.web.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.gatehouse.identity.IdentityException;
import org.gatehouse.identity.PasswordResetService;
import org.gatehouse.web.i18n.TextBean;

/** The "forgot password" page and the page a reset link opens. */
@Named("reset")
@RequestScoped
public class ResetBacking {

    @Inject
    private PasswordResetService resets;

    @Inject
    private FacesContext faces;

    private String email;
    private String token;
    private String password;
    private String confirmation;
    private boolean valid;
    private boolean sent;

    public boolean isAvailable() {
        return resets.isAvailable();
    }

    public void requireAvailable() throws IOException {
        if (!resets.isAvailable()) {
            faces.getExternalContext().responseSendError(404, "Not found");
            faces.responseComplete();
        }
    }

    /** Asks for a link; the page then says the same whether or not the address has an account. */
    public void request() {
        resets.requestReset(email, TextBean.locale());
        sent = true;
        email = null;
    }

    /** On opening a link: is it still good? */
    public void load() {
        if (token == null) {
            token = faces.getExternalContext().getRequestParameterMap().get("token");
        }
        valid = resets.isValid(token);
        if (!valid) {
            faces.addMessage(
                    null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, TextBean.text("identity.resetLink.invalid"), null));
        }
    }

    /** Same password twice is checked by the page ({@code o:validateEqual}) before this runs. */
    public void save() throws IOException {
        try {
            resets.resetPassword(token, password);
            ExternalContext external = faces.getExternalContext();
            external.getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, TextBean.text("reset.done"), null));
            external.redirect(external.getRequestContextPath() + "/login");
        } catch (IdentityException e) {
            faces.addMessage(
                    e.getField() == null ? null : "form:" + e.getField(),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getText().text(TextBean.locale()), null));
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

    public boolean isSent() {
        return sent;
    }
}
