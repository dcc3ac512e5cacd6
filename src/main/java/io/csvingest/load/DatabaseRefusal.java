package io.csvingest.load;

import java.sql.SQLException;
import java.util.Set;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A database error that may concern the rows sent rather than the database or the statement: whatever the database
 * raises about the data (bad values, constraints, a trigger's RAISE, a check option, a row too big), but not a lost
 * connection, a timeout or cancel, a missing privilege or object, a transaction conflict, or a server problem: those
 * hit every row alike. A batch refused this way is retried in halves down to the rows refused on their own.
 */
public record DatabaseRefusal(String column, String reason) {

    /**
     * SQL state classes that are never about one row: connection (08), feature (0A), role (0L, 0P), cursor and
     * transaction state (24, 25, 26, 2B, 2D, 34, 3B), catalog and schema (3D, 3F), authorization (28), rollback
     * (40: deadlock, serialization), syntax and access (42: privileges, undefined objects), resources (53), object
     * state (55: locks, views that cannot be written), operator intervention (57: timeouts, shutdown), system (58),
     * snapshot (72), configuration (F0) and internal errors (XX).
     */
    private static final Set<String> NOT_ROW_CLASSES = Set.of("08", "0A", "0L", "0P", "24", "25", "26", "28", "2B",
            "2D", "34", "3B", "3D", "3F", "40", "42", "53", "55", "57", "58", "72", "F0", "XX");

    /** The refusal inside {@code failure}, or null when the failure is of another kind (connection, permission...). */
    public static DatabaseRefusal of(Throwable failure) {
        SQLException sql = rowError(failure);
        if (sql == null) {
            return null;
        }
        String column = "";
        String message = sql.getMessage();
        if (sql instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            column = server.getColumn() == null ? "" : server.getColumn();
            message = server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
        }
        return new DatabaseRefusal(column, "the database refused it: " + message.replaceAll("\\s+", " ").strip()
                                           + " [SQL state " + sql.getSQLState() + "]");
    }

    /**
     * The server's own error, if it is row-level. A batch's top exception ("Batch entry 0 INSERT ... was aborted")
     * repeats the SQL state but not the server's words or column; its next exception has them, so the chain is
     * searched for an exception carrying the server's message first.
     */
    private static SQLException rowError(Throwable failure) {
        SQLException fallback = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (!isRowLevel(e.getSQLState())) {
                        continue;
                    }
                    if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                        return e;
                    }
                    fallback = fallback == null ? e : fallback;
                }
            }
        }
        return fallback;
    }

    static boolean isRowLevel(String state) {
        return state != null && state.length() == 5 && !NOT_ROW_CLASSES.contains(state.substring(0, 2));
    }
}
