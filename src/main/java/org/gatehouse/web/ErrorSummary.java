package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

/**
 * The form's list of every problem of a failed save ({@code form:errorSummary}): it takes the
 * focus, so that a screen reader reads it first.
 */
@Named("errorSummary")
@RequestScoped
public class ErrorSummary {

    @Inject
    private FacesContext faces;

    /** For the page's {@code preRenderView}: focuses the summary after a postback that failed. */
    public void focus() {
        if (faces.isPostback() && faces.isValidationFailed()) {
            PrimeFaces.current()
                    .executeScript(
                            "var summary = document.getElementById('form:errorSummary'); if (summary) { summary.focus(); }");
        }
    }
}
