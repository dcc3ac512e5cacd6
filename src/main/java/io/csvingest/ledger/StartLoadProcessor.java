package io.csvingest.ledger;

import io.csvingest.IngestException;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
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

    private static final Logger LOG = LoggerFactory.getLogger(StartLoadProcessor.class);

    private final LoadLedger ledger;

    public StartLoadProcessor(LoadLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void process(Exchange exchange) {
        String fileName = LoadContext.fileName(exchange);
        Feed feed = LoadContext.of(exchange).feed();
        String table = Names.tableFor(feed.table(), fileName);
        if (Names.shortenedFor(feed.table(), fileName)) {
            LOG.info("{}: table name shortened to {} (PostgreSQL names are at most 63 bytes; the last 8 characters are a"
                     + " hash of the whole name, so long names that begin alike stay apart)", fileName, table);
        }
        String schema = feed.schema() != null ? feed.schema() : ledger.defaultSchema();
        if (schema == null) {
            throw new IngestException("The database user has no schema to create tables in (no schema on its search_path"
                                      + " exists); create one, or give the feed a schema");
        }
        ReservedNames.schemaProblem(schema).ifPresent(problem -> {
            throw new IngestException("Not loaded: the database user's default " + problem + " (set the feed's schema)");
        });
        LoadContext.of(exchange).set(LoadContext.ACCOUNT, new FileLoad(fileName, schema, table));
    }
}
