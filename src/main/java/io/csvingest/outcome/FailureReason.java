package io.csvingest.outcome;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.FileSystemException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.csvingest.IngestException;
import io.csvingest.intake.FileProblems;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Says in plain words why a file failed, from the exception chain: our own reasons first, then the database's. */
public final class FailureReason {

    private static final java.util.Set<String> TRANSIENT_STATES
            = java.util.Set.of("57P01", "57P02", "57P03", "53300", "53100", "40001", "40P01", "25006", "55P03");

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
        if (lostServiceTables(failure)) {
            return "The service's own tables (load ledger, claims) are missing from the database, which was probably"
                   + " dropped and created again; they are created anew once the database is probed again";
        }
        if (isTransient(failure)) {
            return "Cannot reach the database: " + shortest(failure);
        }
        if (sql != null) {
            return databaseReason(sql);
        }
        IOException io = find(failure, IOException.class);
        if (io != null) {
            String file = io instanceof FileSystemException fs && fs.getFile() != null ? " " + fs.getFile() : "";
            return "A file" + file + " could not be read or written: " + FileProblems.plain(io);
        }
        if (find(failure, OutOfMemoryError.class) != null) {
            return "The service ran out of memory on this file; give it more (the container's memory limit), or set"
                   + " the feed's dropDuplicates: false";
        }
        return "Unexpected error (" + technical(failure) + "); please report it with the file";
    }

    /** The innermost exception's type and message: for a failure nobody foresaw, what a bug report needs. */
    public static String technical(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
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
    static boolean lostServiceTables(Throwable failure) {
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
            return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("connection")
                   && message.toLowerCase(java.util.Locale.ROOT).contains("closed");
        }
        // 08: connection; 57P0x: server shutting down or starting; 53300/53100: no connection slot, disk full;
        // 40001/40P01: serialization failure, deadlock; 25006: a read-only standby after a failover; 55P03: lock timeout
        return state.startsWith("08") || TRANSIENT_STATES.contains(state);
    }

    /** True when the reason says it all (our own, the database's or the file system's words); else a stack trace helps. */
    public static boolean isExplained(Throwable failure) {
        return find(failure, IngestException.class) != null || find(failure, SQLException.class) != null
               || find(failure, ConnectException.class) != null || find(failure, IOException.class) != null;
    }

    private static String databaseReason(SQLException sql) {
        SQLException detailed = sql;
        if (sql instanceof BatchUpdateException && sql.getNextException() != null) {
            // the batch error only says "Batch entry N ... was aborted"; the next exception names the real problem
            detailed = sql.getNextException();
        }
        String state = detailed.getSQLState() == null ? "" : " (SQL state " + detailed.getSQLState() + ")";
        String message = detailed.getMessage().strip();
        if (detailed instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            // the server's own words, without the driver's "ERROR:" and statement position
            ServerErrorMessage server = psql.getServerErrorMessage();
            message = server.getMessage() + (server.getDetail() == null ? "" : ". " + server.getDetail())
                      + (server.getHint() == null ? "" : ". " + server.getHint());
        }
        String advice = "42501".equals(detailed.getSQLState())
                ? ": the service's database role lacks a privilege it needs here (README, Security)" : "";
        return "The database refused the data: " + message + state + advice;
    }

    /**
     * The most telling short message in the chain: a failed batch's own message repeats its whole INSERT with the
     * row values ("Batch entry 0 INSERT ... was aborted"), never fit for a log line; its causes say what happened.
     */
    private static String shortest(Throwable failure) {
        String best = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            List<Throwable> candidates = new ArrayList<>(List.of(t));
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                    candidates.add(next);
                }
            }
            for (Throwable candidate : candidates) {
                String message = candidate.getMessage();
                boolean telling = candidate instanceof SQLException || candidate instanceof java.io.IOException;
                if (telling && message != null && !message.startsWith("Batch entry")
                    && (best == null || message.length() < best.length())) {
                    best = message;
                }
            }
        }
        String message = best == null ? String.valueOf(failure.getMessage()) : best;
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
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
