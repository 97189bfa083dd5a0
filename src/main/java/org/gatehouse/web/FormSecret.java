package org.gatehouse.web;

import java.io.Serializable;
import java.util.Objects;
import org.gatehouse.metadata.AdminView;

/**
 * The new secret typed into a form (the users view's password) and its confirmation. They stay
 * for the view only while a save waits for the "Confirm it is you" dialog, and go once it is saved.
 */
public class FormSecret implements Serializable {

    private static final long serialVersionUID = 1L;

    private String password;
    private String confirmation;
    private boolean stepUpPending;

    /**
     * Whether the save may go on: the view takes no new secret, or both fields hold the same (an
     * empty field counts as nothing typed). If not, the confirmation field says so.
     */
    boolean confirmedFor(AdminView<?> view) {
        if (view.passwordProperty() == null
                || Objects.equals(password == null ? "" : password, confirmation == null ? "" : confirmation)) {
            return true;
        }
        FormInputs.refuse("form:passwordConfirmation", FormTexts.passwordMismatch());
        return false;
    }

    void saved() {
        password = null;
        confirmation = null;
    }

    /** A save waits for the step-up dialog: the page shows the passwords typed so far again. */
    void awaitStepUp() {
        stepUpPending = true;
    }

    public boolean isStepUpPending() {
        return stepUpPending;
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
}
