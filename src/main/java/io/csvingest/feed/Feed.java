package io.csvingest.feed;

import java.util.List;

/**
 * What a feed says about the file in flight: schema (null: the database's default), table, mode, load method,
 * columns, cleaning, formats, dialect, reject limit, batch size, row steps, reload, folders, what new columns of an
 * existing table do, whether an existing table's columns widen for values that do not fit, the lineage columns each
 * row gets. Read from the feed's
 * endpoint options once; each file in flight carries it in its {@code LoadContext}.
 */
public record Feed(String name, String schema, String table, LoadMode mode, LoadMethod method, List<String> keys,
                   List<ColumnSpec> columns, Cleaning cleaning, ValueFormats formats, Dialect dialect, RejectLimit maxRejects, int batchSize,
                   String rowSteps, boolean reload, Folders folders, NewColumns newColumns, boolean widen,
                   List<Lineage> lineage) {
}
