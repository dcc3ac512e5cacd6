package io.csvingest.feed;

import java.time.Instant;
import java.util.List;

import org.apache.camel.Exchange;

/**
 * What a feed says about the file in flight: schema (null: the database's default), table, mode, load method,
 * columns, cleaning, formats, dialect; travels with the exchange.
 */
public record Feed(String name, String schema, String table, LoadMode mode, LoadMethod method, List<String> keys,
                   List<ColumnSpec> columns, Cleaning cleaning, ValueFormats formats, Dialect dialect, RejectLimit maxRejects, int batchSize,
                   String rowSteps, boolean reload, Folders folders) {

    public static final String PROPERTY = "CsvIngestFeed";
    /** Exchange property: set when the file's content was loaded before; it moves to the outbox marked duplicate. */
    public static final String DUPLICATE = "CsvIngestDuplicate";

    public static Feed of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, Feed.class);
    }

    /** The moment the file was picked up; every name derived for this file uses it, so they agree. */
    public static Instant pickedUp(Exchange exchange) {
        return Instant.ofEpochMilli(exchange.getClock().getCreated());
    }

    public static String fileName(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    }
}
