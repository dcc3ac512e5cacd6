package io.csvingest.load;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.csvingest.IngestException;
import io.csvingest.clean.CleanedHeader;
import io.csvingest.clean.RowCleaner;
import io.csvingest.intake.FileLoad;
import io.csvingest.parse.CsvSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Plans a file's load: a missing table from the header and inferred types, an existing one by header name. */
public class TablePlanner implements Processor {

    /** Exchange header carrying the target table's existing columns, as read by {@code sql/table-columns.sql}. */
    public static final String EXISTING_COLUMNS = "CsvIngestExistingColumns";

    /** Rows read ahead to infer the column types of a new table. */
    static final int SAMPLE_ROWS = 1000;

    @Override
    public void process(Exchange exchange) {
        FileLoad load = FileLoad.of(exchange);
        List<String> columns = CleanedHeader.of(exchange).columns();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> existing = exchange.getIn().getHeader(EXISTING_COLUMNS, List.class);
        TablePlan plan;
        if (existing != null && !existing.isEmpty()) {
            plan = planExisting(load.table(), columns, existing);
        } else if (CsvSource.of(exchange).peek(1).isEmpty()) {
            // a header without rows says nothing about types: create no table rather than an all-text one
            plan = TablePlan.insertOnly(load.table(), columns);
        } else {
            plan = TablePlan.newTable(load.table(), columns, inferTypes(CsvSource.of(exchange), columns.size()));
        }
        exchange.setProperty(TablePlan.PROPERTY, plan);
        exchange.setProperty(TablePlan.INSERT_SQL, plan.insertSql());
    }

    private static List<ColumnType> inferTypes(CsvSource source, int width) {
        List<String[]> sample = source.peek(SAMPLE_ROWS).stream()
                .map(row -> RowCleaner.clean(row.values().clone()))
                .toList();
        return TypeInference.infer(width, sample);
    }

    private static TablePlan planExisting(String table, List<String> columns, List<Map<String, Object>> existing) {
        Set<String> present = existing.stream()
                .map(column -> String.valueOf(column.get("column_name")))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<String> missing = columns.stream().filter(column -> !present.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new IngestException("Table " + table + " has no column " + String.join(", ", missing)
                                      + " (its columns: " + String.join(", ", present) + "). Rename the CSV header,"
                                      + " add the column to the table, or load the file into another table.");
        }
        return TablePlan.insertOnly(table, columns);
    }
}
