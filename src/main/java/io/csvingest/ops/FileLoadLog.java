package io.csvingest.ops;

import io.csvingest.intake.Feed;
import io.csvingest.intake.FileLoad;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one INFO line a user reads per loaded file: file, table, counts, batches, time and speed. */
public class FileLoadLog implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("csv-ingest");

    @Override
    public void process(Exchange exchange) {
        FileLoad load = FileLoad.of(exchange);
        double seconds = load.seconds();
        LOG.info("Loaded {} into table {} ({}): {} rows read, {} loaded, {} blank, {} filtered, {} duplicates,"
                 + " {} batches in {} s ({} rows/s)",
                load.fileName(), load.table(), Feed.of(exchange).mode().option(), load.read(), load.loaded(),
                load.blank(), load.filtered(), load.duplicates(), load.batches(),
                String.format("%.2f", seconds), Math.round(load.loaded() / Math.max(seconds, 1e-3)));
    }
}
