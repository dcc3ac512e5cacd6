package io.csvingest.clean;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.csvingest.feed.ColumnType;

/**
 * The types a file's values are checked against, per file column, while the file loads: a column the service typed
 * itself (in a table the file's own transaction created), or any typed column of a feed with {@code widen}, may widen
 * for a value that does not fit; the others reject its row. Read by the cleaning thread, widened by the loading one.
 */
public final class ColumnTypes {

    private volatile ColumnType[] types;
    private final boolean[] widenable;

    public ColumnTypes(List<ColumnType> types, boolean[] widenable) {
        this.types = types.toArray(ColumnType[]::new);
        this.widenable = widenable.clone();
    }

    /** Every column text, none widenable: nothing to check. */
    public static ColumnTypes text(int columns) {
        return new ColumnTypes(Collections.nCopies(columns, ColumnType.TEXT), new boolean[columns]);
    }

    /** The types now, one per file column (a copy is made on each widening: never changed once handed out). */
    public ColumnType[] current() {
        return types;
    }

    public ColumnType get(int column) {
        return types[column];
    }

    public synchronized boolean widenable(int column) {
        return widenable[column];
    }

    /** The column now has type {@code to}. */
    public synchronized void widen(int column, ColumnType to) {
        ColumnType[] next = Arrays.copyOf(types, types.length);
        next[column] = to;
        types = next;
    }

    /** The column cannot widen (the database refused to change it): its values that do not fit reject their rows. */
    public synchronized void stopWidening(int column) {
        widenable[column] = false;
    }

    public List<ColumnType> asList() {
        return List.of(types);
    }
}
