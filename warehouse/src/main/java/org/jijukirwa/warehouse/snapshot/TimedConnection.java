package org.jijukirwa.warehouse.snapshot;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.Objects.requireNonNull;

/**
 * A connection whose statements stop at the time limit of the query slot they run in ({@link LoadedSnapshot#inQuerySlot}):
 * each execute is watched, and {@link Statement#cancel()} (DuckDB interrupts the running query) is called when the
 * slot's deadline passes; the execute then fails with a {@link SQLTimeoutException}. Statements outside a slot run unwatched.
 */
final class TimedConnection
{
    /** One daemon thread for every watch: a watch only calls cancel. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jijukirwa-query-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    /** The deadline (System.nanoTime) of the query slot the current thread is in; absent outside slots. */
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private TimedConnection()
    {
    }

    static Connection wrap(Connection connection)
    {
        requireNonNull(connection, "connection is null");
        return (Connection) Proxy.newProxyInstance(TimedConnection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            return result instanceof Statement statement ? watched(statement) : result;
        });
    }

    /** Runs work with a deadline {@code timeoutNanos} from now for every statement it executes on a wrapped connection. */
    static <T> T withDeadline(long timeoutNanos, LoadedSnapshot.SqlWork<T> work)
            throws SQLException
    {
        Long outer = DEADLINE.get();
        DEADLINE.set(System.nanoTime() + timeoutNanos);
        try {
            return work.run();
        }
        finally {
            if (outer == null) {
                DEADLINE.remove();
            }
            else {
                DEADLINE.set(outer);
            }
        }
    }

    private static Statement watched(Statement statement)
    {
        Class<?>[] interfaces = statementInterfaces(statement);
        InvocationHandler handler = (proxy, method, args) -> method.getName().startsWith("execute") ? execute(statement, method, args) : invoke(statement, method, args);
        return (Statement) Proxy.newProxyInstance(TimedConnection.class.getClassLoader(), interfaces, handler);
    }

    private static Class<?>[] statementInterfaces(Statement statement)
    {
        if (statement instanceof java.sql.CallableStatement) {
            return new Class<?>[] {java.sql.CallableStatement.class};
        }
        if (statement instanceof java.sql.PreparedStatement) {
            return new Class<?>[] {java.sql.PreparedStatement.class};
        }
        return new Class<?>[] {Statement.class};
    }

    private static Object execute(Statement statement, Method method, Object[] args)
            throws Throwable
    {
        Long deadline = DEADLINE.get();
        if (deadline == null) {
            return invoke(statement, method, args);
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new SQLTimeoutException("the query's time limit passed before this statement");
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> watch = WATCHDOG.schedule(() -> {
            cancelled.set(true);
            try {
                statement.cancel();
            }
            catch (SQLException | RuntimeException e) {
                // the statement finished or closed meanwhile: nothing to stop
            }
        }, remaining, TimeUnit.NANOSECONDS);
        try {
            return invoke(statement, method, args);
        }
        catch (SQLException e) {
            if (cancelled.get()) {
                throw new SQLTimeoutException("stopped at the query's time limit", e);
            }
            throw e;
        }
        finally {
            watch.cancel(false);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args)
            throws Throwable
    {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
