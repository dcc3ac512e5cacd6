package io.csvingest.load;

import io.csvingest.intake.Feed;
import io.csvingest.intake.FileLoad;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Opens the account of a file's load: which table it goes to (the feed's, else named after the file). */
public class StartLoadProcessor implements Processor {

    /** Exchange property naming the target table, for SQL parameters ({@code sql/table-columns.sql}). */
    public static final String TABLE = "CsvIngestTable";

    @Override
    public void process(Exchange exchange) {
        String fileName = Feed.fileName(exchange);
        Feed feed = Feed.of(exchange);
        String table = Identifiers.tableFor(feed == null ? null : feed.table(), fileName);
        exchange.setProperty(FileLoad.PROPERTY, new FileLoad(fileName, table));
        exchange.setProperty(TABLE, table);
    }
}
