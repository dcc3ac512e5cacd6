package io.csvingest.load;

import io.csvingest.clean.CleanedHeader;
import io.csvingest.clean.RowBatch;
import io.csvingest.context.FileLoad;
import io.csvingest.parse.RecordBlock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Counts, per batch about to load, the values of the file's columns its table lacks that the feed ignores ({@code
 * newColumns: ignore}): what the report says was dropped. Nothing to do when the plan loads every column.
 */
public final class IgnoredValues implements Processor {

    @Override
    public void process(Exchange exchange) {
        TablePlan plan = TablePlan.of(exchange);
        if (plan.fields() == null) {
            return;
        }
        RowBatch batch = exchange.getIn().getBody(RowBatch.class);
        if (batch.size() == 0) {
            return;
        }
        int fileColumns = CleanedHeader.of(exchange).columns().size();
        FileLoad.of(exchange).tableChanges().countIgnoredValues(count(batch, plan, fileColumns));
    }

    /** Non-NULL values of the live rows in file columns the plan does not load. */
    static long count(RowBatch batch, TablePlan plan, int fileColumns) {
        boolean[] loaded = new boolean[fileColumns];
        for (int column = 0; column < plan.columns().size(); column++) {
            if (plan.field(column) >= 0) { // not a lineage column
                loaded[plan.field(column)] = true;
            }
        }
        long values = 0;
        for (int r : batch.live()) {
            for (int column = 0; column < loaded.length; column++) {
                int field = batch.field(r, column);
                if (!loaded[column] && (batch.replacement(field) != null || batch.block().start(field) != RecordBlock.NULL)) {
                    values++;
                }
            }
        }
        return values;
    }
}
