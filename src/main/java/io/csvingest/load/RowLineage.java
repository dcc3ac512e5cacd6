package io.csvingest.load;

import java.util.List;

import io.csvingest.clean.RowBatch;
import io.csvingest.feed.Lineage;

/**
 * The lineage values of one file's rows: the ledger id of its load and its name, the same for every row, and each
 * row's start line. What fills a loaded column whose field number is negative ({@link Lineage#field()}).
 */
public record RowLineage(List<Lineage> columns, long loadId, String fileName) {

    /** The value of lineage field {@code field} for record {@code r} of the batch. */
    String value(int field, RowBatch batch, int r) {
        return switch (Lineage.ofField(field)) {
            case LOAD -> Long.toString(loadId);
            case FILE -> fileName;
            case LINE -> Long.toString(batch.line(r));
        };
    }
}
