package org.gatehouse.ops;

/** A request failed because the database could not be reached; answered with the 503 page. */
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(Throwable cause) {
        super("The database is unavailable", cause);
    }

    /**
     * Whether the failure comes from losing the database rather than from the request: a
     * connection-class SQL state ({@code 08…}), a server shutting down ({@code 57P0…}), a refused
     * socket, or the pool unable to hand out a connection.
     */
    public static boolean isCause(Throwable failure) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof java.net.ConnectException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t.getClass().getName().endsWith(".PoolingException")) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && isConnectionState(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(java.sql.SQLException failure) {
        for (java.sql.SQLException e = failure; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
