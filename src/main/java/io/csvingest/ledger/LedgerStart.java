package io.csvingest.ledger;

import java.io.File;
import java.util.Optional;

import io.csvingest.intake.Feed;
import io.csvingest.intake.FileLoad;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a file's ledger entry: its checksum, and whether the same content was loaded into the table before. Such a
 * duplicate is not loaded again (unless the feed says {@code reload: true}); it moves to the outbox marked duplicate.
 */
public class LedgerStart implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("csv-ingest");

    @Override
    public void process(Exchange exchange) throws Exception {
        LoadLedger ledger = exchange.getContext().getRegistry().findSingleByType(LoadLedger.class);
        Feed feed = Feed.of(exchange);
        FileLoad load = FileLoad.of(exchange);
        FileChecksum checksum = FileChecksum.of(exchange.getIn().getBody(File.class).toPath());
        long entry = ledger.start(load.fileName(), checksum, feed.name(), load.table());
        exchange.setProperty(LoadLedger.ENTRY, entry);
        Optional<String> previous = feed.reload() ? Optional.empty() : ledger.previousLoad(checksum, load.table());
        if (previous.isPresent()) {
            String why = "the same content (SHA-256 " + checksum.sha256().substring(0, 12) + "…) was loaded into table "
                         + load.table() + " from " + previous.get();
            ledger.ended(entry, "duplicate", why);
            exchange.setProperty(Feed.DUPLICATE, why);
            LOG.info("Skipped {}: {}; moved to the outbox marked duplicate (a feed with reload: true loads it again)",
                    load.fileName(), why);
        } else {
            LOG.info("Loading {} ({} bytes) into table {} ({})", load.fileName(), checksum.size(), load.table(),
                    feed.mode().option());
        }
    }
}
