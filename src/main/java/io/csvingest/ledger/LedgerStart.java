package io.csvingest.ledger;

import java.time.Instant;
import java.util.Optional;

import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import io.csvingest.feed.LoadMode;
import io.csvingest.intake.PickedUpFile;
import io.csvingest.metrics.PipelineMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a file's ledger entry: its checksum, and whether loading it would load content the table already got (see
 * {@link LoadLedger#previousLoad}). Such a duplicate is not loaded; it moves to the outbox marked duplicate.
 */
public class LedgerStart implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerStart.class);
    /** The file's checksum, for the check made again under the table's lock. */
    static final LoadContext.Part<FileChecksum> CHECKSUM = LoadContext.part("checksum", "LedgerStart");

    private final LoadLedger ledger;
    private final PipelineMetrics metrics;

    public LedgerStart(LoadLedger ledger, PipelineMetrics metrics) {
        this.ledger = ledger;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Feed feed = LoadContext.of(exchange).feed();
        FileLoad load = FileLoad.of(exchange);
        // the file's bytes from the one open file its rows are read from later, never through a link
        FileChecksum checksum = FileChecksum.of(PickedUpFile.of(exchange).fromStart());
        LoadContext.of(exchange).set(CHECKSUM, checksum);
        Optional<String> previous = previousLoad(ledger, exchange);
        metrics.bytesRead(checksum.size());
        long entry = ledger.start(load.fileName(), checksum, feed.name(), load.schema(), load.table(), feed.mode().option());
        LoadContext.of(exchange).set(LoadLedger.ENTRY, entry);
        if (previous.isPresent()) {
            String why = "the same content (SHA-256 " + checksum.sha256().substring(0, 12) + "…) was loaded into table "
                         + load.target() + " from " + previous.get();
            ledger.ended(entry, "duplicate", why);
            LoadContext.of(exchange).set(LoadContext.DUPLICATE, why);
            metrics.file("duplicate");
            LOG.info("Skipped {}: {}; moved to the outbox marked duplicate (a feed with reload: true loads it again)",
                    load.fileName(), why);
        } else {
            LOG.info("Loading {} ({} bytes) into table {} ({})", load.fileName(), checksum.size(), load.target(),
                    feed.mode().option());
        }
    }

    /** The file's checksum, computed when its ledger entry was opened. */
    public static FileChecksum checksum(Exchange exchange) {
        return LoadContext.of(exchange).get(CHECKSUM);
    }

    /** An earlier load that makes this file a duplicate ({@link LoadLedger#previousLoad}), as committed right now. */
    public static Optional<String> previousLoad(LoadLedger ledger, Exchange exchange) {
        Feed feed = LoadContext.of(exchange).feed();
        FileLoad load = FileLoad.of(exchange);
        return ledger.previousLoad(checksum(exchange), load.schema(), load.table(), feed.mode() != LoadMode.APPEND,
                feed.reload(), load.fileName(), Instant.ofEpochMilli(PickedUpFile.of(exchange).lastModified()));
    }
}
