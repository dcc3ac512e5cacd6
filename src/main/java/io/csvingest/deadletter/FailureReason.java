package io.csvingest.deadletter;

import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import io.csvingest.IngestException;

/** Says in plain words why a file failed, from the exception chain: our own reasons first, then the database's. */
public final class FailureReason {

    private FailureReason() {
    }

    /** One line of plain words, fit for a log line and the reason file. */
    public static String describe(Throwable failure) {
        return explain(failure).replaceAll("\\s+", " ").strip();
    }

    private static String explain(Throwable failure) {
        IngestException ingest = find(failure, IngestException.class);
        if (ingest != null) {
            return ingest.getMessage();
        }
        SQLException sql = find(failure, SQLException.class);
        ConnectException connect = find(failure, ConnectException.class);
        if (connect != null || sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return "Cannot reach the database: " + (connect != null ? connect.getMessage() : sql.getMessage());
        }
        if (sql != null) {
            return databaseReason(sql);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
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
            return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("connection")
                   && message.toLowerCase(java.util.Locale.ROOT).contains("closed");
        }
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
               || state.equals("53300") || state.equals("40001") || state.equals("40P01");
    }

    /** True when the reason says it all (our own or the database's words); else a stack trace helps. */
    public static boolean isExplained(Throwable failure) {
        return find(failure, IngestException.class) != null || find(failure, SQLException.class) != null
               || find(failure, ConnectException.class) != null;
    }

    private static String databaseReason(SQLException sql) {
        SQLException detailed = sql;
        if (sql instanceof BatchUpdateException && sql.getNextException() != null) {
            // the batch error only says "Batch entry N ... was aborted"; the next exception names the real problem
            detailed = sql.getNextException();
        }
        String state = detailed.getSQLState() == null ? "" : " (SQL state " + detailed.getSQLState() + ")";
        return "The database refused the data: " + detailed.getMessage().strip() + state;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
