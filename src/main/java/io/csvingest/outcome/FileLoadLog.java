package io.csvingest.outcome;

import io.csvingest.context.FileLoad;
import io.csvingest.feed.Feed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one INFO line a user reads per loaded file: file, table, how the rows read add up, batches, time and speed,
 * and what the load did to the table's columns.
 */
final class FileLoadLog {

    private static final Logger LOG = LoggerFactory.getLogger(FileLoadLog.class);

    private FileLoadLog() {
    }

    static void log(Feed feed, FileLoad load, String rejects) {
        double seconds = load.seconds();
        String filtered = load.filtered() > 0 ? " + " + load.filtered() + " filtered" : "";
        String changes = load.tableChanges().isEmpty() ? "" : "; " + load.tableChanges().summary();
        LOG.info("Loaded {} into table {} ({}): {} rows read = {} loaded + {} rejected + {} duplicates + {} blank{},"
                 + " {} batches in {} s ({} rows/s){}{}",
                load.fileName(), load.target(), feed.mode().option(), load.read(), load.loaded(), load.rejected(),
                load.duplicates(), load.blank(), filtered, load.batches(), String.format("%.2f", seconds),
                Math.round(load.read() / Math.max(seconds, 1e-3)), changes, rejects == null ? "" : "; rejected rows in " + rejects);
    }
}
