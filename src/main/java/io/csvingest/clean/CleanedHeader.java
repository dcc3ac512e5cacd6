package io.csvingest.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import io.csvingest.IngestException;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.ColumnSpec;
import io.csvingest.feed.Feed;
import io.csvingest.feed.Names;
import io.csvingest.parse.CsvSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The column names a file's header loads into (the raw header stays on {@link CsvSource}); set by {@link #PROCESSOR}. */
public record CleanedHeader(List<String> columns) {

    /** The column names of the file in flight. */
    public static final LoadContext.Part<CleanedHeader> PART = LoadContext.part("cleaned header", "CleanedHeader.PROCESSOR");

    private static final Logger LOG = LoggerFactory.getLogger(CleanedHeader.class);

    /** Normalises the header of the file's {@link CsvSource}, applies the feed's column mapping, keeps the result. */
    public static final Processor PROCESSOR = exchange -> {
        List<String> raw = CsvSource.of(exchange).header();
        List<String> normalized = HeaderNormalizer.normalize(raw);
        List<String> shortened = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (Names.isShortened(raw.get(i))) {
                shortened.add("'" + raw.get(i) + "' -> " + normalized.get(i));
            }
        }
        if (!shortened.isEmpty()) {
            LOG.info("{}: column name(s) shortened to PostgreSQL's 63 bytes (the last 8 characters are a hash of the"
                          + " whole name): {}", LoadContext.fileName(exchange), String.join(", ", shortened));
        }
        List<String> columns = map(normalized, LoadContext.of(exchange).feed().columns());
        LoadContext.of(exchange).set(PART, new CleanedHeader(columns));
    };

    /** Renames the mapped headers to their target columns; a mapped header missing from the file fails it. */
    static List<String> map(List<String> normalized, List<ColumnSpec> specs) {
        List<String> columns = new ArrayList<>(normalized);
        for (ColumnSpec spec : specs) {
            int at = normalized.indexOf(spec.source());
            if (at < 0) {
                throw new IngestException("The feed maps column '" + spec.source() + "' but the file's header has no such"
                                          + " column (it has: " + String.join(", ", normalized) + ")");
            }
            columns.set(at, spec.target());
        }
        if (new HashSet<>(columns).size() < columns.size()) {
            throw new IngestException("The feed's column mapping loads two CSV columns into one table column: " + columns);
        }
        return List.copyOf(columns);
    }

    public static CleanedHeader of(Exchange exchange) {
        return LoadContext.of(exchange).get(PART);
    }
}
