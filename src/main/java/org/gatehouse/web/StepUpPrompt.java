package org.gatehouse.web;

import jakarta.faces.context.FacesContext;
import java.util.regex.Pattern;

/**
 * Answers a {@link org.gatehouse.identity.StepUpRequiredException}: the page opens its "Confirm it
 * is you" dialog, and once the password is confirmed clicks the same button again, so the form,
 * the selection and whatever else the user entered go with the repeated request.
 */
public final class StepUpPrompt {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_:\\-]{0,200}");

    private StepUpPrompt() {}

    /**
     * Opens the dialog for the button that sent this request: the AJAX source, or {@code button}
     * for a full-page post (which sends no source).
     */
    public static void ask(FacesContext faces, String button) {
        String source = faces.getExternalContext().getRequestParameterMap().get("jakarta.faces.source");
        String target = source != null && CLIENT_ID.matcher(source).matches() ? source : button;
        org.primefaces.PrimeFaces.current()
                .executeScript(target == null ? "Gatehouse.stepUp(null)" : "Gatehouse.stepUp('" + target + "')");
    }
}
