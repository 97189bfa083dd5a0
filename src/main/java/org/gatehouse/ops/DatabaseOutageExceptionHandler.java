package org.gatehouse.ops;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Relabels Faces failures caused by a lost database as {@link DatabaseUnavailableException}
 * before the wrapped handler sees them, so an AJAX request renders the "database unavailable"
 * page mapped to that type in web.xml and a full request reaches {@link DatabaseOutageFilter}.
 */
public class DatabaseOutageExceptionHandler extends ExceptionHandlerWrapper {

    public DatabaseOutageExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        List<Throwable> outages = new ArrayList<>();
        for (Iterator<ExceptionQueuedEvent> events =
                        getUnhandledExceptionQueuedEvents().iterator();
                events.hasNext(); ) {
            Throwable failure = events.next().getContext().getException();
            if (!(failure instanceof DatabaseUnavailableException) && DatabaseUnavailableException.isCause(failure)) {
                events.remove();
                outages.add(failure);
            }
        }
        for (Throwable failure : outages) {
            faces.getApplication()
                    .publishEvent(
                            faces,
                            ExceptionQueuedEvent.class,
                            new ExceptionQueuedEventContext(faces, new DatabaseUnavailableException(failure)));
        }
        getWrapped().handle();
    }

    /** Registered after OmniFaces' full-AJAX handler factory in faces-config, so it wraps it. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new DatabaseOutageExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
