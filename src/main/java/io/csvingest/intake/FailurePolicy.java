package io.csvingest.intake;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

import io.csvingest.RetryLater;
import org.apache.camel.Exchange;

/**
 * What becomes of a file whose load failed, decided in one place for the route's error handler (what is logged and
 * recorded) and for camel-file's end step (where the file goes): it is dead-lettered, or it stays in the inbox and
 * loads again later because the failure passes with time.
 */
public final class FailurePolicy {

    /** The ways a failed file goes. */
    public enum Decision {
        /** The file itself is the problem (or the table): to the dead-letter folder, with its reason. */
        DEAD_LETTER,
        /** Not now (it changed while it loaded, another instance took it over...): back into the inbox, loads later. */
        RETRY_LATER,
        /** The service is stopping: back into the inbox, loads at the next start. */
        STOPPING,
        /** The database is away (or lost the service's tables): back into the inbox, loads when it answers again. */
        WAIT_FOR_DATABASE
    }

    private static final Set<String> TRANSIENT_STATES
            = Set.of("57P01", "57P02", "57P03", "53300", "53100", "40001", "40P01", "25006", "55P03");

    private FailurePolicy() {
    }

    /** The decision for the failed file on this exchange. */
    public static Decision decide(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (RetryLater.in(failure)) {
            return Decision.RETRY_LATER;
        }
        if (exchange.getContext().isStopping()) {
            return Decision.STOPPING;
        }
        if (isPassing(failure)) {
            return Decision.WAIT_FOR_DATABASE;
        }
        return Decision.DEAD_LETTER;
    }

    /** Whether the file stays in the inbox (every decision but the dead letter). */
    public static boolean staysInInbox(Exchange exchange) {
        return decide(exchange) != Decision.DEAD_LETTER;
    }

    /**
     * True when a file that failed this way should wait in the inbox and load later, not be dead-lettered: the
     * database is away ({@link #isTransient}), or the service's own tables are gone (a database dropped and created
     * again), which come back when the database gate next migrates.
     */
    public static boolean isPassing(Throwable failure) {
        return failure != null && (isTransient(failure) || lostServiceTables(failure));
    }

    /** An undefined-table error (42P01) about one of the service's own tables. */
    public static boolean lostServiceTables(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "42P01".equals(sql.getSQLState()) && sql.getMessage() != null
                && sql.getMessage().contains("csv_ingest_")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the failure passes with time rather than with a fix: the database could not be reached or went away
     * (SQL state class 08, server shutting down or starting up, too many connections, pool timeout, closed
     * connection), or the transaction lost a deadlock or serialization race. Such a file waits and loads again.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof java.sql.SQLTransientException
                || t instanceof java.sql.SQLRecoverableException || t instanceof java.net.SocketException
                || t instanceof java.io.EOFException && t.getStackTrace().length > 0
                   && t.getStackTrace()[0].getClassName().startsWith("org.postgresql")) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (isTransientState(e.getSQLState(), e.getMessage())) {
                        return true;
                    }
                }
            }
            String name = t.getClass().getName();
            if (name.endsWith("CannotGetJdbcConnectionException") || name.endsWith("CannotCreateTransactionException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(String state, String message) {
        if (state == null) {
            // a connection dropped mid-batch surfaces with no SQL state, only "This connection has been closed."
            return message != null && message.toLowerCase(Locale.ROOT).contains("connection")
                   && message.toLowerCase(Locale.ROOT).contains("closed");
        }
        // 08: connection; 57P0x: server shutting down or starting; 53300/53100: no connection slot, disk full;
        // 40001/40P01: serialization failure, deadlock; 25006: a read-only standby after a failover; 55P03: lock timeout
        return state.startsWith("08") || TRANSIENT_STATES.contains(state);
    }

}
