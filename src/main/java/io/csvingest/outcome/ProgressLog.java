package io.csvingest.outcome;

import io.csvingest.context.FileLoad;
import io.csvingest.intake.FeedActivity;
import io.csvingest.parse.CsvSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few seconds of a long file, one line: rows so far, rows per second, how much of the file is read. Each batch
 * also counts as the feed's progress (a long file that moves on is not a stalled intake).
 */
public class ProgressLog implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
    private static final String LAST = "CsvIngestProgressAt";

    private final long intervalNanos;

    public ProgressLog(long intervalSeconds) {
        this.intervalNanos = intervalSeconds * 1_000_000_000L;
    }

    @Override
    public void process(Exchange exchange) {
        FeedActivity.progressed(exchange);
        FileLoad load = FileLoad.of(exchange);
        long now = System.nanoTime();
        long last = load.progressLoggedAt();
        if (intervalNanos <= 0 || now - last < intervalNanos) {
            return;
        }
        load.progressLogged(now);
        CsvSource source = CsvSource.of(exchange);
        double seconds = load.seconds();
        LOG.info("Loading {}: {} rows so far ({} rows/s), {}% of {} bytes read", load.fileName(), load.read(),
                Math.round(load.read() / Math.max(seconds, 1e-3)),
                source.size() == 0 ? 100 : source.bytesRead() * 100 / source.size(), source.size());
    }
}
