package io.csvingest.load;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.camel.Exchange;

/** How one file loads: its target table, the columns it fills in header order, and the SQL to create and fill it. */
public record TablePlan(String table, List<String> columns, String createSql, String insertSql) {

    public static final String PROPERTY = "CsvIngestTablePlan";
    /** Exchange property holding the plan's INSERT statement, handed to camel-sql as its query header. */
    public static final String INSERT_SQL = "CsvIngestInsertSql";

    public static TablePlan of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, TablePlan.class);
    }

    /** A plan that creates the table from the header and the inferred types. */
    public static TablePlan newTable(String table, List<String> columns, List<ColumnType> types) {
        String definitions = IntStream.range(0, columns.size())
                .mapToObj(i -> Identifiers.quote(columns.get(i)) + " " + types.get(i).sql())
                .collect(Collectors.joining(", "));
        String create = "CREATE TABLE IF NOT EXISTS " + Identifiers.quote(table) + " (" + definitions + ")";
        return new TablePlan(table, columns, create, insert(table, columns));
    }

    /** A plan that creates nothing: the table exists already (or there are no rows to load). */
    public static TablePlan insertOnly(String table, List<String> columns) {
        return new TablePlan(table, columns, null, insert(table, columns));
    }

    private static String insert(String table, List<String> columns) {
        String names = columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        String parameters = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + Identifiers.quote(table) + " (" + names + ") VALUES (" + parameters + ")";
    }
}
