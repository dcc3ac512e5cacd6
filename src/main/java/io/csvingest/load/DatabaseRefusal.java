package io.csvingest.load;

import java.sql.SQLException;
import java.util.Set;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A database error that concerns the rows sent, not the database or the statement: bad data (SQL state class 22),
 * a violated constraint (23), a row too big for an index (54000). Such rows are rejected one by one.
 */
public record DatabaseRefusal(String column, String reason) {

    private static final Set<String> ROW_STATES = Set.of("21000", "54000");

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
        return state != null && (state.startsWith("22") || state.startsWith("23") || ROW_STATES.contains(state));
    }
}
