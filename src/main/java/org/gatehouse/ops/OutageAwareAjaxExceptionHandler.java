package org.gatehouse.ops;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.FacesContext;
import org.omnifaces.exceptionhandler.FullAjaxExceptionHandler;

/**
 * OmniFaces' full-page error rendering for AJAX requests, with the "database unavailable" page
 * for outages chosen here rather than by an exception-type mapping in web.xml: such mappings are
 * published to every page by PrimeFaces' client settings, and application class names have no
 * business in a page.
 */
public class OutageAwareAjaxExceptionHandler extends FullAjaxExceptionHandler {

    static final String UNAVAILABLE_PAGE = "/WEB-INF/errors/unavailable.xhtml";

    public OutageAwareAjaxExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    protected String findErrorPageLocation(FacesContext context, Throwable exception) {
        return exception instanceof DatabaseUnavailableException
                ? UNAVAILABLE_PAGE
                : super.findErrorPageLocation(context, exception);
    }

    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new OutageAwareAjaxExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
