package io.csvingest.outcome;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.FileSystemException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.csvingest.IngestException;
import io.csvingest.intake.FailurePolicy;
import io.csvingest.intake.FileProblems;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

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
        if (FailurePolicy.lostServiceTables(failure)) {
            return "The service's own tables (load ledger, claims) are missing from the database, which was probably"
                   + " dropped and created again; they are created anew once the database is probed again";
        }
        if (FailurePolicy.isTransient(failure)) {
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
