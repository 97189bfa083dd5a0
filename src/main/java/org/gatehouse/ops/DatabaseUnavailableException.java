package org.gatehouse.ops;

/** A request failed because the database could not be reached; answered with the 503 page. */
public class DatabaseUnavailableException extends RuntimeException {

    /** Request attribute: the session's account could not be checked because the database is gone. */
    public static final String UNVERIFIED_SESSION = "org.gatehouse.unverifiedSession";

    private static final long serialVersionUID = 1L;
    private static final java.util.Set<String> CONNECTION_STATES =
            java.util.Set.of("08001", "08004", "08006", "57P01", "57P02", "57P03");

    public DatabaseUnavailableException(Throwable cause) {
        super("The database is unavailable", cause);
    }

    /**
     * Whether the failure comes from losing the database rather than from the request: a
     * connection-failure SQL state ({@code 08001}, {@code 08004}, {@code 08006}), a server shutting
     * down or starting ({@code 57P01}–{@code 57P03}), a refused socket, the pool unable to hand
     * out a connection, or a commit whose connection closed under it.
     */
    public static boolean isCause(Throwable failure) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException
                    || t instanceof java.net.ConnectException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    // the commit itself failed on the one resource there is: the connection died under it
                    || t instanceof javax.transaction.xa.XAException
                    || t.getClass().getName().endsWith(".PoolingException")) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && isConnectionState(sql)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, with its SQL state when it has one: what the log says about an outage. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = root instanceof java.sql.SQLException sql ? " (SQL state " + sql.getSQLState() + ")" : "";
        return root.getClass().getName() + state + ": " + root.getMessage();
    }

    private static boolean isConnectionState(java.sql.SQLException failure) {
        for (java.sql.SQLException e = failure; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (state != null && CONNECTION_STATES.contains(state)) {
                return true;
            }
        }
        return false;
    }
}
