package org.gatehouse.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;
import org.gatehouse.ops.DatabaseOutageFilter;
import org.gatehouse.ops.RequestId;

/**
 * A postback whose view is unknown or gone (an old tab after a restart or a session end, or a
 * made-up {@code jakarta.faces.ViewState}) is a client error, not a server failure: a full
 * request gets the 400 page saying the page expired, an AJAX request reloads its page, and the
 * log gets one INFO line without a stack trace, so nobody can flood it for free.
 */
public class ExpiredViewExceptionHandler extends ExceptionHandlerWrapper {

    /** Request attribute telling the 400 page that the cause was an expired page. */
    public static final String EXPIRED = "org.gatehouse.viewExpired";

    private static final Logger LOG = Logger.getLogger(ExpiredViewExceptionHandler.class.getName());

    public ExpiredViewExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        boolean expired = false;
        boolean forged = false;
        for (Iterator<ExceptionQueuedEvent> events =
                        getUnhandledExceptionQueuedEvents().iterator();
                events.hasNext(); ) {
            Throwable failure = events.next().getContext().getException();
            if (DatabaseOutageFilter.isCause(failure, ViewExpiredException.class)) {
                events.remove();
                expired = true;
            } else if (DatabaseOutageFilter.isCause(failure, org.primefaces.csp.CspException.class)) {
                // a postback without the CSP nonce its page carries: never sent by a page of ours
                events.remove();
                forged = true;
            }
        }
        if ((expired || forged) && !faces.getResponseComplete()) {
            answer(faces, expired);
        }
        getWrapped().handle();
    }

    private static void answer(FacesContext faces, boolean expired) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        LOG.info(() -> "request=" + RequestId.current()
                + (expired ? " expired or unknown view: " : " postback without" + " its page's CSP nonce: ")
                + request.getMethod() + " " + request.getServletPath());
        try {
            if (expired && faces.getPartialViewContext().isAjaxRequest()) {
                // load the page afresh at the address it was posted to (before the forward to its file)
                external.redirect(postedTo(request));
            } else {
                external.getRequestMap().put(EXPIRED, expired);
                external.responseSendError(400, expired ? "Page expired" : "Bad request");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** The clean address the browser used, with its query: the forward to the page file keeps it aside. */
    static String postedTo(HttpServletRequest request) {
        Object uri = request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI);
        Object query = request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_QUERY_STRING);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        return query == null ? path : path + "?" + query;
    }

    /** Registered last in faces-config, so it wraps (and runs before) the other handlers. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViewExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
