package io.csvingest.load;

import java.util.List;
import java.util.Map;

import io.csvingest.IngestException;
import io.csvingest.feed.Cleaning;
import io.csvingest.feed.ColumnSpec;
import io.csvingest.feed.ColumnType;
import io.csvingest.feed.Dialect;
import io.csvingest.feed.Feed;
import io.csvingest.feed.Folders;
import io.csvingest.feed.Lineage;
import io.csvingest.feed.LoadMethod;
import io.csvingest.feed.LoadMode;
import io.csvingest.feed.NewColumns;
import io.csvingest.feed.RejectLimit;
import io.csvingest.feed.ValueFormats;
import io.csvingest.parse.RecordBlock;
import io.csvingest.support.Records;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a file's load is planned: a new table from the header and the first rows, an existing one by column name. */
class TablePlannerTest {

    private static final TableName TABLE = new TableName("staging", "orders");

    private static Feed feed(LoadMode mode, List<String> keys, String columns) {
        return feed(mode, keys, columns, NewColumns.ADD);
    }

    private static Feed feed(LoadMode mode, List<String> keys, String columns, NewColumns newColumns) {
        return new Feed("test", null, null, mode, LoadMethod.COPY, keys, columns == null ? List.of() : ColumnSpec.parseAll(columns),
                Cleaning.DEFAULT, ValueFormats.DEFAULT, Dialect.DEFAULT, RejectLimit.NONE, 500, null, false,
                Folders.of("in", "out", "dead"), newColumns, false, List.of());
    }

    private static Map<String, Object> column(String name, String type, boolean copyable, boolean arrayable) {
        return Map.of("column_name", name, "data_type", type, "copyable", copyable, "arrayable", arrayable,
                "element_type", type);
    }

    @Test
    void should_create_a_missing_table_from_the_header_and_the_types_of_its_first_rows() {
        RecordBlock rows = Records.block("id,amount,ordered_on,note\n1,12.50,2026-11-22, a \n2,3,2026-11-23,NULL\n");

        TablePlanner.Planned planned = TablePlanner.plan(TABLE, List.of("id", "amount", "ordered_on", "note"),
                feed(LoadMode.APPEND, List.of(), null), List.of(), count -> rows);

        assertEquals(List.of(ColumnType.BIGINT, ColumnType.NUMERIC, ColumnType.DATE, ColumnType.TEXT), planned.types());
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"staging\".\"orders\" (\"id\" bigint, \"amount\" numeric,"
                             + " \"ordered_on\" date, \"note\" text)"), planned.plan().preparation());
        assertTrue(planned.plan().copyable());
        assertEquals("COPY \"staging\".\"orders\" (\"id\", \"amount\", \"ordered_on\", \"note\") FROM STDIN",
                planned.plan().copySql());
    }

    @Test
    void should_create_no_table_for_a_header_without_rows() {
        TablePlanner.Planned planned = TablePlanner.plan(TABLE, List.of("id"), feed(LoadMode.APPEND, List.of(), null),
                null, count -> Records.block("id\n"));

        assertNull(planned.types(), "nothing to infer types from, nothing to check");
        assertEquals(List.of(), planned.plan().preparation());
    }

    @Test
    void should_fill_an_existing_table_by_column_name_in_the_file_s_order() {
        List<Map<String, Object>> existing = List.of(column("note", "text", true, true), column("id", "bigint", true, true));

        TablePlanner.Planned planned = TablePlanner.plan(TABLE, List.of("id", "note"), feed(LoadMode.APPEND, List.of(), null),
                existing, count -> { throw new AssertionError("an existing table needs no sample"); });

        assertEquals(List.of(ColumnType.BIGINT, ColumnType.TEXT), planned.types());
        assertEquals(List.of(), planned.plan().preparation());
        assertEquals("INSERT INTO \"staging\".\"orders\" (\"id\", \"note\") SELECT * FROM unnest(?::bigint[], ?::text[])",
                planned.plan().arraySql());
    }

    @Test
    void should_send_rows_as_inserts_where_copy_or_arrays_cannot_fill_the_table() {
        List<Map<String, Object>> view = List.of(column("id", "bigint", false, true), column("tags", "text[]", false, false));

        TablePlan plan = TablePlanner.plan(TABLE, List.of("id", "tags"), feed(LoadMode.APPEND, List.of(), null), view,
                count -> Records.block("id,tags\n")).plan();

        assertFalse(plan.copyable(), "a view, or a table with rules or row-level security");
        assertNull(plan.arraySql(), "a column without an array form: rows one by one");
    }

    @Test
    void should_refuse_a_file_with_a_column_the_table_lacks_when_the_feed_says_reject_or_without_the_feed_s_keys() {
        IngestException missing = assertThrows(IngestException.class, () -> TablePlanner.plan(TABLE, List.of("id", "email"),
                feed(LoadMode.APPEND, List.of(), null, NewColumns.REJECT),
                List.of(column("id", "bigint", true, true), column("name", "text", true, true)),
                count -> Records.block("id,email\n1,a@b.c\n")));
        assertEquals("Table staging.orders has no column email (its columns: id, name). Rename the CSV header, add the"
                     + " column to the table, load the file into another table, or set the feed's newColumns to add or"
                     + " ignore.", missing.getMessage());

        IngestException keys = assertThrows(IngestException.class, () -> TablePlanner.plan(TABLE, List.of("id"),
                feed(LoadMode.UPSERT, List.of("order_id"), null), List.of(), count -> Records.block("id\n1\n")));
        assertTrue(keys.getMessage().startsWith("The feed's key column(s) [order_id] are not in the file"), keys.getMessage());
    }

    @Test
    void should_key_a_new_upsert_table_on_the_keys_and_take_the_feed_s_declared_types() {
        TablePlan plan = TablePlanner.plan(TABLE, List.of("order_id", "total"), feed(LoadMode.UPSERT, List.of("order_id"),
                "order_id:text"), List.of(), count -> Records.block("order_id,total\n0042,9.5\n")).plan();

        assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"staging\".\"orders\" (\"order_id\" text, \"total\" numeric,"
                             + " PRIMARY KEY (\"order_id\"))"), plan.preparation());
        assertTrue(plan.arraySql().endsWith("ON CONFLICT (\"order_id\") DO UPDATE SET \"total\" = EXCLUDED.\"total\""),
                plan.arraySql());
        assertNull(plan.stage(), "a new table is empty: COPY straight in, a batch with a key already in goes as INSERT ... ON CONFLICT");
        assertEquals("COPY \"staging\".\"orders\" (\"order_id\", \"total\") FROM STDIN", plan.copySql());

        TablePlan staged = plan.staged();
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"staging\".\"orders\" (\"order_id\" text, \"total\" numeric,"
                             + " PRIMARY KEY (\"order_id\"))",
                "CREATE TEMPORARY TABLE pg_temp.csv_ingest_stage ON COMMIT DROP AS SELECT \"order_id\", \"total\" FROM"
                + " \"staging\".\"orders\" WITH NO DATA"), staged.preparation());
        assertEquals("COPY pg_temp.csv_ingest_stage (\"order_id\", \"total\") FROM STDIN", staged.copySql());
        assertEquals(new TablePlan.Stage("INSERT INTO \"staging\".\"orders\" (\"order_id\", \"total\") SELECT \"order_id\","
                                         + " \"total\" FROM pg_temp.csv_ingest_stage ON CONFLICT (\"order_id\") DO UPDATE SET"
                                         + " \"total\" = EXCLUDED.\"total\"", "TRUNCATE pg_temp.csv_ingest_stage"), staged.stage());
        assertEquals(List.of("ALTER TABLE \"staging\".\"orders\" ALTER COLUMN \"total\" TYPE text USING \"total\"::text",
                "ALTER TABLE pg_temp.csv_ingest_stage ALTER COLUMN \"total\" TYPE text USING \"total\"::text"),
                staged.widenSql(1, "text"), "a widened column changes in the stage too");
    }

    @Test
    void should_stage_an_upsert_into_a_table_that_holds_rows_and_copy_straight_into_one_that_never_did() {
        Feed upsert = feed(LoadMode.UPSERT, List.of("id"), null);
        List<Map<String, Object>> holding = List.of(column("id", "bigint", true, true));
        List<Map<String, Object>> empty = List.of(Map.of("column_name", "id", "data_type", "bigint", "copyable", true,
                "arrayable", true, "element_type", "bigint", "empty", true));

        assertTrue(TablePlanner.plan(TABLE, List.of("id"), upsert, holding, count -> Records.block("id\n1\n")).plan().stage() != null);
        assertNull(TablePlanner.plan(TABLE, List.of("id"), upsert, empty, count -> Records.block("id\n1\n")).plan().stage());
    }

    @Test
    void should_upsert_without_a_stage_when_the_feed_inserts_or_there_is_no_table_to_stage_from() {
        Feed inserting = new Feed("test", null, null, LoadMode.UPSERT, LoadMethod.INSERT, List.of("id"), List.of(),
                Cleaning.DEFAULT, ValueFormats.DEFAULT, Dialect.DEFAULT, RejectLimit.NONE, 500, null, false,
                Folders.of("in", "out", "dead"), NewColumns.ADD, false, List.of());
        TablePlan plan = TablePlanner.plan(TABLE, List.of("id"), inserting, List.of(), count -> Records.block("id\n1\n")).plan();
        assertNull(plan.stage());
        assertEquals(1, plan.preparation().size());

        TablePlan headerOnly = TablePlanner.plan(TABLE, List.of("id"), feed(LoadMode.UPSERT, List.of("id"), null), List.of(),
                count -> Records.block("id\n")).plan();
        assertNull(headerOnly.stage());
        assertEquals(List.of(), headerOnly.preparation());
    }

    @Test
    void should_add_the_columns_an_existing_table_lacks_typed_from_the_file_in_its_transaction() {
        List<Map<String, Object>> existing = List.of(column("id", "bigint", true, true), column("name", "text", true, true));

        TablePlanner.Planned planned = TablePlanner.plan(TABLE, List.of("id", "visits", "name"), feed(LoadMode.APPEND, List.of(), null),
                existing, count -> Records.block("id,visits,name\n1,12,a\n2,7,b\n"));

        assertEquals(List.of("ALTER TABLE \"staging\".\"orders\" ADD COLUMN IF NOT EXISTS \"visits\" bigint"),
                planned.plan().preparation());
        assertEquals(Map.of("visits", "bigint"), planned.added());
        assertEquals(List.of(ColumnType.BIGINT, ColumnType.BIGINT, ColumnType.TEXT), planned.types());
        assertEquals("INSERT INTO \"staging\".\"orders\" (\"id\", \"visits\", \"name\") SELECT * FROM unnest(?::bigint[],"
                     + " ?::bigint[], ?::text[])", planned.plan().arraySql());
    }

    @Test
    void should_load_only_the_known_columns_when_the_feed_ignores_new_ones() {
        List<Map<String, Object>> existing = List.of(column("id", "bigint", true, true), column("name", "text", true, true));

        TablePlanner.Planned planned = TablePlanner.plan(TABLE, List.of("name", "email", "id"),
                feed(LoadMode.UPSERT, List.of("id"), null, NewColumns.IGNORE), existing,
                count -> Records.block("name,email,id\na,a@b.c,1\n"));

        TablePlan plan = planned.plan();
        assertEquals(List.of("name", "id"), plan.columns());
        assertEquals(List.of("CREATE TEMPORARY TABLE pg_temp.csv_ingest_stage ON COMMIT DROP AS SELECT \"name\", \"id\" FROM"
                             + " \"staging\".\"orders\" WITH NO DATA"), plan.preparation(), "only the stage, of the known columns");
        assertEquals(0, plan.field(0));
        assertEquals(2, plan.field(1), "id comes from the file's third column");
        assertEquals(2, plan.keyIndexes()[0], "keys are file columns");
        assertEquals(List.of("email"), planned.ignored());
        assertEquals("COPY pg_temp.csv_ingest_stage (\"name\", \"id\") FROM STDIN", plan.copySql());
    }

    @Test
    void should_plan_lineage_columns_after_the_files_adding_those_the_table_lacks_and_updating_them_on_upsert() {
        RowLineage lineage = new RowLineage(List.of(Lineage.LOAD, Lineage.LINE), 42, "orders.csv");
        List<Map<String, Object>> existing = List.of(column("id", "bigint", true, true), column("_load_id", "bigint", true, true));
        TablePlan plan = TablePlanner.plan(TABLE, List.of("id"), feed(LoadMode.UPSERT, List.of("id"), null), existing,
                count -> Records.block("id\n1\n"), lineage).plan();

        assertEquals(List.of("id", "_load_id", "_source_line"), plan.columns());
        assertEquals(List.of(0, Lineage.LOAD.field(), Lineage.LINE.field()), List.of(plan.field(0), plan.field(1), plan.field(2)));
        assertTrue(plan.preparation().contains("ALTER TABLE \"staging\".\"orders\" ADD COLUMN IF NOT EXISTS \"_source_line\" bigint"),
                plan.preparation().toString());
        assertTrue(plan.preparation().stream().noneMatch(step -> step.contains("ADD COLUMN IF NOT EXISTS \"_load_id\"")),
                "the table has it already");
        assertTrue(plan.stage().merge().contains("\"_load_id\" = EXCLUDED.\"_load_id\""), plan.stage().merge());
        assertEquals(List.of("bigint", "bigint", "bigint"), plan.elementTypes());
    }

    @Test
    void should_refuse_a_file_column_that_would_be_a_lineage_column() {
        RowLineage lineage = new RowLineage(List.of(Lineage.LOAD), 42, "orders.csv");
        IngestException refused = assertThrows(IngestException.class, () -> TablePlanner.plan(TABLE, List.of("id", "_load_id"),
                feed(LoadMode.APPEND, List.of(), null), List.of(), count -> Records.block("id,_load_id\n1,2\n"), lineage));
        assertTrue(refused.getMessage().contains("which the feed's lineage fills itself"), refused.getMessage());
    }
}
