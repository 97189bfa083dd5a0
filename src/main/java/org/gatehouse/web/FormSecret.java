package org.gatehouse.web;

import java.io.Serializable;
import java.util.Objects;

/**
 * The new secret typed into a form (the users view's password) and its confirmation. They stay
 * for the view only while a save waits for the "Confirm it is you" dialog, and go once it is saved.
 */
public class FormSecret implements Serializable {

    private static final long serialVersionUID = 1L;

    private String password;
    private String confirmation;
    private boolean stepUpPending;

    /** Whether both fields hold the same (an empty field counts as nothing typed). */
    boolean confirmed() {
        return Objects.equals(password == null ? "" : password, confirmation == null ? "" : confirmation);
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
