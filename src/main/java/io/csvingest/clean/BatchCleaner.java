package io.csvingest.clean;

import java.util.List;
import java.util.function.Function;

import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import io.csvingest.parse.RecordBlock;
import org.apache.camel.Exchange;

/**
 * Turns a block of records into a {@link RowBatch}: values trimmed and NULL tokens read as NULL, blank records and
 * exact duplicates counted and dropped, records with the wrong number of fields rejected, then (unless the feed's row
 * steps come first) every value put in its column's canonical text. Runs on the file's read-ahead thread, beside the
 * loading of the batch before: it touches nothing but the block and the file's counts.
 */
public final class BatchCleaner implements Function<RecordBlock, RowBatch> {

    private final int width;
    private final RowCleaner cleaner;
    private final DuplicateRows seen;
    private final Coercer coercer;
    private final FileLoad load;

    private BatchCleaner(int width, RowCleaner cleaner, DuplicateRows seen, Coercer coercer, FileLoad load) {
        this.width = width;
        this.cleaner = cleaner;
        this.seen = seen;
        this.coercer = coercer;
        this.load = load;
    }

    /** The cleaning of the file in flight, set up before its blocks are read: header, feed options, column types. */
    public static BatchCleaner of(Exchange exchange) {
        Feed feed = LoadContext.of(exchange).feed();
        List<String> columns = CleanedHeader.of(exchange).columns();
        // row steps may rewrite values: coercion then runs after them, on the route's thread
        Coercer coercer = feed.rowSteps() == null ? Coercer.of(exchange) : null;
        return new BatchCleaner(columns.size(), new RowCleaner(feed.cleaning()),
                feed.cleaning().dropDuplicates() ? new DuplicateRows() : null, coercer, FileLoad.of(exchange));
    }

    @Override
    public RowBatch apply(RecordBlock block) {
        RowBatch batch = new RowBatch(block);
        int blank = 0;
        long[] fingerprints = seen == null ? null : new long[block.size()];
        for (int r = 0; r < block.size(); r++) {
            // in place: the record's original text is kept apart, in its raw form
            if (cleaner.clean(block, r)) {
                blank++;
                batch.drop(r);
            } else if (block.fieldCount(r) != width) {
                batch.reject(r, "", "has " + block.fieldCount(r) + " fields but the header has " + width
                                    + " columns (a delimiter inside a value needs quotes)");
            } else if (fingerprints != null) {
                fingerprints[r] = DuplicateRows.fingerprint(block, r);
            }
        }
        int duplicates = 0;
        if (seen != null) {
            // a pass of its own: the table lookups of a whole block, without the cleaning between them
            for (int r = 0; r < block.size(); r++) {
                if (batch.live(r) && seen.isDuplicate(fingerprints[r])) {
                    batch.drop(r);
                    duplicates++;
                }
            }
        }
        load.countRead(block.size(), blank);
        load.countDuplicates(duplicates);
        if (coercer != null) {
            coercer.coerce(batch);
        }
        return batch;
    }
}
