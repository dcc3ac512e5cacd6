package io.csvingest.intake;

import java.time.Instant;

import org.apache.camel.Exchange;

/**
 * What a feed decided about the file being processed: its name, target table (null: named after the file), batch
 * size and folders. Travels with the exchange so the core routes and the dead-letter handler need no feed lookup.
 */
public record Feed(String name, String table, int batchSize, Folders folders) {

    public static final String PROPERTY = "CsvIngestFeed";

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
