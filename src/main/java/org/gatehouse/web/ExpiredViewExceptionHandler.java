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
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext();) {
            if (isExpiredView(events.next().getContext().getException())) {
                events.remove();
                expired = true;
            }
        }
        if (expired && !faces.getResponseComplete()) {
            answer(faces);
        }
        getWrapped().handle();
    }

    private static boolean isExpiredView(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static void answer(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        LOG.info(() -> "request=" + RequestId.current() + " expired or unknown view: " + request.getMethod() + " "
                + request.getServletPath());
        try {
            if (faces.getPartialViewContext().isAjaxRequest()) {
                // the canonical address the page was posted from: load it afresh
                external.redirect(request.getRequestURI());
            } else {
                external.getRequestMap().put(EXPIRED, Boolean.TRUE);
                external.responseSendError(400, "Page expired");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
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
