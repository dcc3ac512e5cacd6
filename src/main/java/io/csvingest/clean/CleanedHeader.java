package io.csvingest.clean;

import java.util.List;

import io.csvingest.parse.CsvSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The file's header as written and as the column names it loads into; computed once per file by {@link #PROCESSOR}. */
public record CleanedHeader(List<String> raw, List<String> columns) {

    public static final String PROPERTY = "CsvIngestHeader";

    /** Normalises the header of the file's {@link CsvSource} and keeps the result on the exchange. */
    public static final Processor PROCESSOR = exchange -> {
        List<String> raw = CsvSource.of(exchange).header();
        exchange.setProperty(PROPERTY, new CleanedHeader(raw, HeaderNormalizer.normalize(raw)));
    };

    public static CleanedHeader of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, CleanedHeader.class);
    }
}
