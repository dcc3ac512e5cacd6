package io.csvingest.load;

import java.util.Iterator;
import java.util.List;

/**
 * One attempt to insert rows, as the {@code insert-*} routes take it: the statement, its number of parameters, and
 * the parameters themselves, which camel-sql iterates (one array per column, or one list per row for JDBC batches).
 */
public record InsertBatch(String sql, int parameterCount, List<?> parameters) implements Iterable<Object> {

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<Object> iterator() {
        return (Iterator<Object>) parameters.iterator();
    }
}
