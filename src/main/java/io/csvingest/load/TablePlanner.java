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

/**
 * Decides how a file loads ({@link TablePlan}) once the table's current columns are known: a missing table is planned from the
 * header with types inferred from the first rows; an existing table must have every header column.
 */
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
        TablePlan plan = existing == null || existing.isEmpty()
                ? TablePlan.newTable(load.table(), columns, inferTypes(CsvSource.of(exchange), columns.size()))
                : planExisting(load.table(), columns, existing);
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
        return TablePlan.existingTable(table, columns);
    }
}
