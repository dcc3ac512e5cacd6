package io.csvingest.outcome;

import java.io.IOException;

import io.csvingest.IngestException;
import io.csvingest.clean.Reject;
import io.csvingest.clean.RowBatch;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import io.csvingest.feed.RejectLimit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Writes a batch's rejected rows to the file's {@link RejectFile}, counts them, and enforces the feed's maxRejects. */
public class RejectRecorder implements Processor {

    @Override
    public void process(Exchange exchange) throws IOException {
        RowBatch batch = exchange.getIn().getBody(RowBatch.class);
        if (batch.rejects().isEmpty()) {
            return;
        }
        RejectFile rejects = RejectFile.of(exchange);
        // rejected while cleaning, coercing or inserting: written in line order, as a user reads the file
        batch.rejects().sort(java.util.Comparator.comparingLong(Reject::line));
        for (Reject reject : batch.rejects()) {
            rejects.write(reject);
        }
        FileLoad load = FileLoad.of(exchange);
        load.countRejected(batch.rejects().size());
        checkLimit(exchange, false);
    }

    /** Fails the file when it has more rejects than its feed allows; {@code fileRead}: percentages are checked too. */
    public static void checkLimit(Exchange exchange, boolean fileRead) {
        FileLoad load = FileLoad.of(exchange);
        RejectLimit limit = LoadContext.of(exchange).feed().maxRejects();
        if (limit.exceeded(load.rejected(), load.read(), fileRead)) {
            throw new IngestException(load.rejected() + " of " + load.read() + " rows read so far were rejected, more"
                                      + " than the feed's maxRejects (" + limit + "); nothing of the file was loaded."
                                      + " The rejected rows and reasons are in the .rejects.csv file beside it");
        }
    }
}
