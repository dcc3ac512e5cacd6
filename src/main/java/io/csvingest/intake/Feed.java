package io.csvingest.intake;

import java.time.Instant;

import org.apache.camel.Exchange;

/** What a feed decided about the file in flight (name, table, batch size, folders); travels with the exchange. */
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
