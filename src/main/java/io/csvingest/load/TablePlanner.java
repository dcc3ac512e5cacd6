package io.csvingest.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.csvingest.IngestException;
import io.csvingest.clean.CleanedHeader;
import io.csvingest.clean.Coercer;
import io.csvingest.clean.ColumnType;
import io.csvingest.clean.TypeInference;
import io.csvingest.clean.RowCleaner;
import io.csvingest.intake.ColumnSpec;
import io.csvingest.intake.Feed;
import io.csvingest.intake.FileLoad;
import io.csvingest.parse.CsvSource;
import io.csvingest.parse.RecordBlock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Plans a file's load (body: the SQL that prepares the table): a missing table from the header and inferred types. */
public class TablePlanner implements Processor {

    /** Exchange header carrying the target table's existing columns, as read by {@code sql/table-columns.sql}. */
    public static final String EXISTING_COLUMNS = "CsvIngestExistingColumns";

    /** Rows read ahead to infer the column types of a new table. */
    static final int SAMPLE_ROWS = 1000;

    @Override
    public void process(Exchange exchange) {
        Feed feed = Feed.of(exchange);
        String table = FileLoad.of(exchange).table();
        List<String> columns = CleanedHeader.of(exchange).columns();
        List<String> missingKeys = feed.keys().stream().filter(key -> !columns.contains(key)).toList();
        if (!missingKeys.isEmpty()) {
            throw new IngestException("The feed's key column(s) " + missingKeys + " are not in the file (its columns: "
                                      + String.join(", ", columns) + ")");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> existing = exchange.getIn().getHeader(EXISTING_COLUMNS, List.class);
        List<ColumnType> types = null;
        boolean exists = existing != null && !existing.isEmpty();
        if (exists) {
            checkColumnsExist(table, columns, existing);
            exchange.setProperty(Coercer.TYPES, existingTypes(columns, existing));
        } else if (CsvSource.of(exchange).peek(1).size() > 0) {
            // a header without rows says nothing about types: create no table rather than an all-text one
            types = types(columns, feed, CsvSource.of(exchange));
            exchange.setProperty(Coercer.TYPES, types);
        }
        boolean copyable = !exists || existing.stream().allMatch(column -> Boolean.TRUE.equals(column.get("copyable")));
        TablePlan plan = TablePlan.of(table, columns, types, feed.mode(), feed.keys(), exists, copyable,
                exists ? arrayTypes(columns, existing) : null);
        exchange.setProperty(TablePlan.PROPERTY, plan);
        exchange.getIn().setBody(plan.preparation());
    }

    /** The feed's declared types, else types inferred from the first rows. */
    private static List<ColumnType> types(List<String> columns, Feed feed, CsvSource source) {
        RecordBlock peeked = source.peek(SAMPLE_ROWS);
        RowCleaner cleaner = new RowCleaner(feed.cleaning());
        List<String[]> sample = new ArrayList<>();
        for (int r = 0; r < Math.min(peeked.size(), SAMPLE_ROWS); r++) {
            cleaner.clean(peeked, r);
            sample.add(peeked.values(r));
        }
        List<ColumnType> types = new ArrayList<>(TypeInference.infer(columns.size(), sample, feed.formats()));
        for (ColumnSpec spec : feed.columns()) {
            if (spec.type() != null) {
                types.set(columns.indexOf(spec.target()), spec.type());
            }
        }
        return types;
    }

    /** What the existing table's columns take, in the file's column order. */
    private static List<ColumnType> existingTypes(List<String> columns, List<Map<String, Object>> existing) {
        Map<String, ColumnType> byName = existing.stream().collect(Collectors.toMap(
                column -> String.valueOf(column.get("column_name")),
                column -> ColumnType.fromDataType(String.valueOf(column.get("data_type")))));
        return columns.stream().map(byName::get).toList();
    }

    /** The existing columns' type names in the file's column order, or null when one of them cannot be an array element. */
    private static List<String> arrayTypes(List<String> columns, List<Map<String, Object>> existing) {
        Map<String, Map<String, Object>> byName = existing.stream().collect(Collectors.toMap(
                column -> String.valueOf(column.get("column_name")), column -> column));
        List<String> types = new ArrayList<>();
        for (String column : columns) {
            Map<String, Object> described = byName.get(column);
            if (!Boolean.TRUE.equals(described.get("arrayable"))) {
                return null;
            }
            types.add(String.valueOf(described.get("element_type")));
        }
        return types;
    }

    private static void checkColumnsExist(String table, List<String> columns, List<Map<String, Object>> existing) {
        Set<String> present = existing.stream()
                .map(column -> String.valueOf(column.get("column_name")))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> missing = columns.stream().filter(column -> !present.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new IngestException("Table " + table + " has no column " + String.join(", ", missing)
                                      + " (its columns: " + String.join(", ", present) + "). Rename the CSV header,"
                                      + " add the column to the table, or load the file into another table.");
        }
    }
}
