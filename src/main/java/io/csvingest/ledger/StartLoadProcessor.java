package io.csvingest.ledger;

import io.csvingest.IngestException;
import io.csvingest.context.FileLoad;
import io.csvingest.feed.Feed;
import io.csvingest.feed.Names;
import io.csvingest.feed.ReservedNames;
import io.csvingest.ledger.LoadLedger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the account of a file's load: which table it goes to (the feed's, else named after the file), in which schema
 * (the feed's, else the database's default for the service's user, where the ledger is).
 */
public class StartLoadProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("csv-ingest");

    /** Exchange property naming the target table, for SQL parameters ({@code sql/table-columns.sql}). */
    public static final String TABLE = "CsvIngestTable";
    /** Exchange property naming the target table's schema, likewise. */
    public static final String SCHEMA = "CsvIngestSchema";

    @Override
    public void process(Exchange exchange) {
        String fileName = Feed.fileName(exchange);
        Feed feed = Feed.of(exchange);
        String table = Names.tableFor(feed == null ? null : feed.table(), fileName);
        if (Names.shortenedFor(feed == null ? null : feed.table(), fileName)) {
            LOG.info("{}: table name shortened to {} (PostgreSQL names are at most 63 bytes; the last 8 characters are a"
                     + " hash of the whole name, so long names that begin alike stay apart)", fileName, table);
        }
        String schema = feed != null && feed.schema() != null ? feed.schema()
                : exchange.getContext().getRegistry().findSingleByType(LoadLedger.class).defaultSchema();
        if (schema == null) {
            throw new IngestException("The database user has no schema to create tables in (no schema on its search_path"
                                      + " exists); create one, or give the feed a schema");
        }
        ReservedNames.schemaProblem(schema).ifPresent(problem -> {
            throw new IngestException("Not loaded: the database user's default " + problem + " (set the feed's schema)");
        });
        exchange.setProperty(FileLoad.PROPERTY, new FileLoad(fileName, schema, table));
        exchange.setProperty(SCHEMA, schema);
        exchange.setProperty(TABLE, table);
    }
}
