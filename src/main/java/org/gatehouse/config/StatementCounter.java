package org.gatehouse.config;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

/**
 * Counts the SQL statements the current thread prepares or creates, so that tests can prove a
 * page costs a bounded number of statements whatever its size (no N+1). One integer increment
 * per statement; nothing is recorded about the SQL itself.
 */
public final class StatementCounter {

    private static final Set<String> STATEMENT_FACTORIES = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

    private StatementCounter() {}

    /** Statements the current thread has issued so far. */
    public static long current() {
        return COUNT.get()[0];
    }

    static Connection counting(Connection connection) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (STATEMENT_FACTORIES.contains(method.getName())) {
                COUNT.get()[0]++;
            }
            if (method.getName().equals("unwrap") && arguments != null && arguments[0] == Connection.class) {
                return connection;
            }
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(
                StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }
}
