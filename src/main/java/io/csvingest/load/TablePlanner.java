package io.csvingest.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import io.csvingest.IngestException;
import io.csvingest.clean.CleanedHeader;
import io.csvingest.clean.Coercer;
import io.csvingest.clean.RowCleaner;
import io.csvingest.clean.TypeInference;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.ColumnSpec;
import io.csvingest.feed.ColumnType;
import io.csvingest.feed.Feed;
import io.csvingest.parse.CsvSource;
import io.csvingest.parse.RecordBlock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Plans a file's load from the target table's columns as {@code sql/table-columns.sql} read them (the body; empty
 * when there is no table): a missing table is created from the header and inferred types. The body becomes the SQL
 * that prepares the table.
 */
public class TablePlanner implements Processor {

    /** Rows read ahead to infer the column types of a new table. */
    static final int SAMPLE_ROWS = 1000;

    @Override
    public void process(Exchange exchange) {
        LoadContext context = LoadContext.of(exchange);
        FileLoad load = FileLoad.of(exchange);
        CsvSource source = CsvSource.of(exchange);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> existing = exchange.getIn().getBody(List.class);
        Planned planned = plan(new TableName(load.schema(), load.table()), CleanedHeader.of(exchange).columns(),
                context.feed(), existing, source::peek);
        if (planned.types() != null) {
            context.set(Coercer.TYPES, planned.types());
        }
        context.set(TablePlan.PART, planned.plan());
        exchange.getIn().setBody(planned.plan().preparation());
    }

    /** A file's plan, and the types its values are checked against (null: no rows and no table, nothing to check). */
    record Planned(TablePlan plan, List<ColumnType> types) {
    }

    /**
     * Plans the load of a file with these columns into {@code table}, whose existing columns {@code existing}
     * describes ({@code sql/table-columns.sql}; empty or null: no such table), the first rows read by {@code peek}.
     */
    static Planned plan(TableName table, List<String> columns, Feed feed, List<Map<String, Object>> existing,
                        IntFunction<RecordBlock> peek) {
        List<String> missingKeys = feed.keys().stream().filter(key -> !columns.contains(key)).toList();
        if (!missingKeys.isEmpty()) {
            throw new IngestException("The feed's key column(s) " + missingKeys + " are not in the file (its columns: "
                                      + String.join(", ", columns) + ")");
        }
        boolean exists = existing != null && !existing.isEmpty();
        if (exists) {
            checkColumnsExist(table.toString(), columns, existing);
            List<Map<String, Object>> described = inFileOrder(columns, existing);
            boolean copyable = existing.stream().allMatch(column -> Boolean.TRUE.equals(column.get("copyable")));
            return new Planned(TablePlan.of(table, columns, null, feed.mode(), feed.keys(), true, copyable,
                    arrayTypes(described)), existingTypes(described));
        }
        // a header without rows says nothing about types: create no table rather than an all-text one
        List<ColumnType> types = peek.apply(1).size() > 0 ? types(columns, feed, peek.apply(SAMPLE_ROWS)) : null;
        return new Planned(TablePlan.of(table, columns, types, feed.mode(), feed.keys(), false, true, null), types);
    }

    /** The feed's declared types, else types inferred from the first rows. */
    private static List<ColumnType> types(List<String> columns, Feed feed, RecordBlock peeked) {
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

    /** The existing table's columns as {@code sql/table-columns.sql} describes them, in the file's column order. */
    private static List<Map<String, Object>> inFileOrder(List<String> columns, List<Map<String, Object>> existing) {
        Map<String, Map<String, Object>> byName = existing.stream().collect(Collectors.toMap(
                column -> String.valueOf(column.get("column_name")), column -> column));
        return columns.stream().map(byName::get).toList();
    }

    /** What the existing columns take. */
    private static List<ColumnType> existingTypes(List<Map<String, Object>> described) {
        return described.stream().map(column -> ColumnType.fromDataType(String.valueOf(column.get("data_type")))).toList();
    }

    /** The existing columns' element type names, or null when one of them cannot be an array element. */
    private static List<String> arrayTypes(List<Map<String, Object>> described) {
        if (!described.stream().allMatch(column -> Boolean.TRUE.equals(column.get("arrayable")))) {
            return null;
        }
        return described.stream().map(column -> String.valueOf(column.get("element_type"))).toList();
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
