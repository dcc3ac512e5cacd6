package io.csvingest.load;

import io.csvingest.clean.ColumnType;
import java.util.List;

import io.csvingest.IngestException;
import io.csvingest.intake.LoadMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Table names from file names, and the quoting every identifier goes through. */
class IdentifiersTest {

    @Test
    void should_name_the_table_after_the_file() {
        assertEquals("sales", Identifiers.tableFor(null, "sales.csv"));
        assertEquals("sales_2024", Identifiers.tableFor(null, "Sales 2024.CSV"));
        assertEquals("x_drop", Identifiers.tableFor(null, "x;drop.csv"));
        assertEquals("orders", Identifiers.tableFor(null, "orders.csv.gz"));
        assertEquals("my_table", Identifiers.tableFor("my_table", "whatever.csv"));
    }

    @Test
    void should_refuse_unsafe_names() {
        assertThrows(IngestException.class, () -> Identifiers.tableFor(null, "%%%.csv"));
        assertThrows(IngestException.class, () -> Identifiers.tableFor("x; drop table y", "a.csv"));
        for (String bad : List.of("a\"b", "A", "1a", "a b", "")) {
            assertThrows(IllegalArgumentException.class, () -> Identifiers.quote(bad), bad);
        }
    }

    @Test
    void should_plan_replace_as_a_delete_and_upsert_as_on_conflict_on_the_keys() {
        TablePlan replace = TablePlan.of("t", List.of("id", "v"), null, LoadMode.REPLACE, List.of(), true, true, null);
        assertEquals(List.of("DELETE FROM \"t\""), replace.preparation());
        assertEquals(List.of(), TablePlan.of("t", List.of("id"), null, LoadMode.REPLACE, List.of(), false, true, null).preparation(),
                "no table and no rows: nothing to empty");
        TablePlan upsert = TablePlan.of("t", List.of("id", "v"), List.of(ColumnType.BIGINT, ColumnType.TEXT), LoadMode.UPSERT,
                List.of("id"), false, true, null);
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"t\" (\"id\" bigint, \"v\" text, PRIMARY KEY (\"id\"))"),
                upsert.preparation());
        assertEquals("INSERT INTO \"t\" (\"id\", \"v\") VALUES (?, ?) ON CONFLICT (\"id\") DO UPDATE SET \"v\" = EXCLUDED.\"v\"",
                upsert.insertSql());
        assertEquals("INSERT INTO \"t\" (\"id\", \"v\") SELECT * FROM unnest(?::bigint[], ?::text[])"
                     + " ON CONFLICT (\"id\") DO UPDATE SET \"v\" = EXCLUDED.\"v\"", upsert.arraySql());
        assertNull(TablePlan.of("t", List.of("id"), null, LoadMode.APPEND, List.of(), true, true, null).arraySql(),
                "an existing column whose values cannot go as an array: rows go one by one");
        assertEquals("INSERT INTO \"t\" (\"id\") SELECT * FROM unnest(?::timestamp with time zone[])",
                TablePlan.of("t", List.of("id"), null, LoadMode.APPEND, List.of(), true, true,
                        List.of("timestamp with time zone")).arraySql());
    }

    @Test
    void should_quote_safe_identifiers() {
        assertEquals("\"order_id\"", Identifiers.quote("order_id"));
    }

    @Test
    void should_plan_quoted_create_and_insert_statements() {
        TablePlan plan = TablePlan.of("sales", List.of("id", "select"), List.of(ColumnType.BIGINT, ColumnType.TEXT),
                LoadMode.APPEND, List.of(), false, true, null);
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"sales\" (\"id\" bigint, \"select\" text)"), plan.preparation());
        assertEquals("INSERT INTO \"sales\" (\"id\", \"select\") VALUES (?, ?)", plan.insertSql());
        assertEquals("COPY \"sales\" (\"id\", \"select\") FROM STDIN", plan.copySql());
    }
}
