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
