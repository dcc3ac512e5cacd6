package io.csvingest.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.csvingest.context.LoadContext;
import io.csvingest.feed.ColumnType;
import io.csvingest.feed.Lineage;
import io.csvingest.feed.LoadMode;
import org.apache.camel.Exchange;

/**
 * How one file loads: target table, columns loaded (in header order), the SQL that prepares the table, inserts a row,
 * copies rows; {@code elementTypes}: each column's type as an array element, for {@link #arraySql()} (null when a
 * column's type cannot go as an array); {@code conflict}: upsert's ON CONFLICT clause; {@code fields}: the file column
 * each loaded column comes from (null: all of them, in order); {@code keyIndexes}: the file columns of the keys;
 * {@code stage}: for an upsert by COPY, the staging table batches are copied into and merged from (else null);
 * {@code lineage}: what fills the lineage columns, the loaded columns whose field is negative (else null).
 */
public record TablePlan(TableName table, List<String> columns, List<String> preparation, String insertSql,
                        List<String> elementTypes, String conflict, String copySql, boolean copyable, int[] keyIndexes,
                        int[] fields, Stage stage, RowLineage lineage) {

    /**
     * An upsert's batch goes with COPY into a temporary table of the target's column types (created in the file's
     * transaction, dropped at its end), then one {@code merge} (INSERT ... SELECT ... ON CONFLICT) moves it into the
     * target and {@code clear} empties the stage for the next batch: the way one upserts by hand at COPY speed.
     */
    public record Stage(String merge, String clear) {

        /** The staging table: always qualified with pg_temp, so no table of the search path can stand in for it. */
        static final String TABLE = "pg_temp.csv_ingest_stage";
    }

    /** The plan of the file in flight. */
    public static final LoadContext.Part<TablePlan> PART = LoadContext.part("table plan", "TablePlanner (route prepare-table)");

    public static TablePlan of(Exchange exchange) {
        return LoadContext.of(exchange).get(PART);
    }

    /**
     * The plan for a file: {@code types} null when the table exists (or there is nothing to create it from),
     * else the table is created, with a primary key on the keys for upsert. Replace empties an existing table first,
     * in the file's transaction. {@code copyable}: COPY can fill the table (not a view, no rules, no row-level security).
     * {@code existingTypes}: an existing table's column types in file order, null when one cannot be an array element.
     */
    public static TablePlan of(TableName table, List<String> columns, List<ColumnType> types, LoadMode mode, List<String> keys,
                               boolean tableExists, boolean copyable, List<String> existingTypes) {
        List<String> preparation = new ArrayList<>();
        if (types != null) {
            preparation.add(create(table, columns, types, mode == LoadMode.UPSERT ? keys : List.of()));
        }
        if (mode == LoadMode.REPLACE && (types != null || tableExists)) {
            preparation.add("DELETE FROM " + table.sql());
        }
        int[] keyIndexes = mode == LoadMode.UPSERT ? keys.stream().mapToInt(columns::indexOf).toArray() : new int[0];
        String conflict = mode == LoadMode.UPSERT ? onConflict(columns, keys) : "";
        List<String> elementTypes = types != null ? types.stream().map(ColumnType::sql).toList() : existingTypes;
        String copy = "COPY " + table.sql() + " (" + quoted(columns) + ") FROM STDIN";
        return new TablePlan(table, columns, List.copyOf(preparation), insert(table, columns) + conflict, elementTypes,
                conflict, copy, copyable, keyIndexes, null, null, null);
    }

    /**
     * The same upsert plan loading by COPY through a {@link Stage}: its preparation ends by creating the staging table
     * (the target's types for the loaded columns, no rows), COPY goes there, each batch is merged and cleared.
     */
    public TablePlan staged() {
        String stageColumns = quoted(columns);
        List<String> all = new ArrayList<>(preparation);
        all.add("CREATE TEMPORARY TABLE " + Stage.TABLE + " ON COMMIT DROP AS SELECT " + stageColumns + " FROM "
                + table.sql() + " WITH NO DATA");
        Stage stage = new Stage("INSERT INTO " + table.sql() + " (" + stageColumns + ") SELECT " + stageColumns + " FROM "
                                + Stage.TABLE + conflict, "TRUNCATE " + Stage.TABLE);
        return new TablePlan(table, columns, List.copyOf(all), insertSql, elementTypes, conflict,
                "COPY " + Stage.TABLE + " (" + stageColumns + ") FROM STDIN", copyable, keyIndexes, fields, stage, lineage);
    }

    /** What changes loaded column {@code column}'s type to {@code sqlType}: in the table, and in the stage if any. */
    public List<String> widenSql(int column, String sqlType) {
        String quoted = Identifiers.quote(columns.get(column));
        String change = " ALTER COLUMN " + quoted + " TYPE " + sqlType + " USING " + quoted + "::" + sqlType;
        return stage == null ? List.of("ALTER TABLE " + table.sql() + change)
                : List.of("ALTER TABLE " + table.sql() + change, "ALTER TABLE " + Stage.TABLE + change);
    }

    /** A batch as one INSERT of one array per column ({@link ArrayParameters}); null when a type has no array form. */
    public String arraySql() {
        return elementTypes == null ? null : arrays(table, columns, elementTypes) + conflict;
    }

    /** The same plan after loaded column {@code column} changed its type to {@code sqlType} (widened). */
    public TablePlan widened(int column, String sqlType) {
        List<String> types = elementTypes == null ? null : new ArrayList<>(elementTypes);
        if (types != null) {
            types.set(column, sqlType);
        }
        return new TablePlan(table, columns, preparation, insertSql, types == null ? null : List.copyOf(types), conflict,
                copySql, copyable, keyIndexes, fields, stage, lineage);
    }

    /** The same plan with {@code statements} (ALTER TABLE) run first. */
    public TablePlan preparedFirstBy(List<String> statements) {
        List<String> all = new ArrayList<>(statements);
        all.addAll(preparation);
        return new TablePlan(table, columns, List.copyOf(all), insertSql, elementTypes, conflict, copySql, copyable,
                keyIndexes, fields, stage, lineage);
    }

    /** The same plan, its columns taken from a file whose columns are {@code fileColumns} (some of them not loaded). */
    public TablePlan from(List<String> fileColumns) {
        int[] from = columns.stream().mapToInt(fileColumns::indexOf).toArray();
        int[] keys = IntStream.of(keyIndexes).map(key -> from[key]).toArray();
        return new TablePlan(table, columns, preparation, insertSql, elementTypes, conflict, copySql, copyable, keys, from,
                stage, lineage);
    }

    /**
     * The same plan also filling {@code lineage}'s columns, after the file's: those {@code present} lacks (the table's
     * columns; empty for a table the file creates) are added first; an upsert updates them with the other columns.
     * Planned before the stage ({@link #staged()}), which then has them too.
     */
    public TablePlan withLineage(RowLineage lineage, Set<String> present, List<String> keys, LoadMode mode) {
        List<String> all = new ArrayList<>(columns);
        List<String> steps = new ArrayList<>(preparation);
        List<String> types = elementTypes == null ? null : new ArrayList<>(elementTypes);
        int[] from = new int[columns.size() + lineage.columns().size()];
        for (int c = 0; c < columns.size(); c++) {
            from[c] = field(c);
        }
        for (Lineage column : lineage.columns()) {
            from[all.size()] = column.field();
            all.add(column.column());
            if (types != null) {
                types.add(column.sqlType());
            }
            if (!present.contains(column.column())) {
                steps.add("ALTER TABLE " + table.sql() + " ADD COLUMN IF NOT EXISTS " + Identifiers.quote(column.column())
                          + " " + column.sqlType());
            }
        }
        String upsert = mode == LoadMode.UPSERT ? onConflict(all, keys) : "";
        return new TablePlan(table, List.copyOf(all), List.copyOf(steps), insert(table, all) + upsert,
                types == null ? null : List.copyOf(types), upsert, "COPY " + table.sql() + " (" + quoted(all) + ") FROM STDIN",
                copyable, keyIndexes, from, stage, lineage);
    }

    /** The file column loaded column {@code column} comes from. */
    public int field(int column) {
        return fields == null ? column : fields[column];
    }

    private static String create(TableName table, List<String> columns, List<ColumnType> types, List<String> keys) {
        String definitions = IntStream.range(0, columns.size())
                .mapToObj(i -> Identifiers.quote(columns.get(i)) + " " + types.get(i).sql())
                .collect(Collectors.joining(", "));
        String primaryKey = keys.isEmpty() ? "" : ", PRIMARY KEY (" + quoted(keys) + ")";
        return "CREATE TABLE IF NOT EXISTS " + table.sql() + " (" + definitions + primaryKey + ")";
    }

    private static String insert(TableName table, List<String> columns) {
        String parameters = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + table.sql() + " (" + quoted(columns) + ") VALUES (" + parameters + ")";
    }

    /** One parameter per column, the batch's values of that column as an array literal ({@link ArrayParameters}). */
    private static String arrays(TableName table, List<String> columns, List<String> elementTypes) {
        String arrays = elementTypes.stream().map(type -> "?::" + type + "[]").collect(Collectors.joining(", "));
        return "INSERT INTO " + table.sql() + " (" + quoted(columns) + ") SELECT * FROM unnest(" + arrays + ")";
    }

    private static String onConflict(List<String> columns, List<String> keys) {
        String updates = columns.stream().filter(column -> !keys.contains(column))
                .map(column -> Identifiers.quote(column) + " = EXCLUDED." + Identifiers.quote(column))
                .collect(Collectors.joining(", "));
        return " ON CONFLICT (" + quoted(keys) + ") " + (updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + updates);
    }

    private static String quoted(List<String> names) {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }
}
