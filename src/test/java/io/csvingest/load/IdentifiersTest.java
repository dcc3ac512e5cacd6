package io.csvingest.load;

import java.util.List;

import io.csvingest.IngestException;
import io.csvingest.feed.ColumnType;
import io.csvingest.feed.LoadMode;
import io.csvingest.feed.Names;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Table names from file names, and the quoting every identifier goes through. */
class IdentifiersTest {

    private static final TableName T = new TableName("s", "t");

    @Test
    void should_name_the_table_after_the_file() {
        assertEquals("sales", Names.tableFor(null, "sales.csv"));
        assertEquals("sales_2024", Names.tableFor(null, "Sales 2024.CSV"));
        assertEquals("x_drop", Names.tableFor(null, "x;drop.csv"));
        assertEquals("orders", Names.tableFor(null, "orders.csv.gz"));
        assertEquals("my_table", Names.tableFor("my_table", "whatever.csv"));
        assertEquals("данные", Names.tableFor("данные", "whatever.csv"));
        assertEquals("\"имя\"", Identifiers.quote("имя"));
        assertEquals("\"xmin_\"", Identifiers.quote("xmin_"));
    }

    @Test
    void should_refuse_unsafe_names() {
        assertThrows(IngestException.class, () -> Names.tableFor(null, "%%%.csv"));
        assertThrows(IngestException.class, () -> Names.tableFor("x; drop table y", "a.csv"));
        for (String bad : List.of("a\"b", "A", "1a", "a b", "", "Имя", "a-b", "a\u00a0b", "٣a", "x".repeat(64))) {
            assertThrows(IllegalArgumentException.class, () -> Identifiers.quote(bad), bad);
        }
    }

    @Test
    void should_plan_replace_as_a_delete_and_upsert_as_on_conflict_on_the_keys() {
        TablePlan replace = TablePlan.of(T, List.of("id", "v"), null, LoadMode.REPLACE, List.of(), true, true, null);
        assertEquals(List.of("DELETE FROM \"s\".\"t\""), replace.preparation());
        assertEquals(List.of(), TablePlan.of(T, List.of("id"), null, LoadMode.REPLACE, List.of(), false, true, null).preparation(),
                "no table and no rows: nothing to empty");
        TablePlan upsert = TablePlan.of(T, List.of("id", "v"), List.of(ColumnType.BIGINT, ColumnType.TEXT), LoadMode.UPSERT,
                List.of("id"), false, true, null);
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"s\".\"t\" (\"id\" bigint, \"v\" text, PRIMARY KEY (\"id\"))"),
                upsert.preparation());
        assertEquals("INSERT INTO \"s\".\"t\" (\"id\", \"v\") VALUES (?, ?) ON CONFLICT (\"id\") DO UPDATE SET \"v\" = EXCLUDED.\"v\"",
                upsert.insertSql());
        assertEquals("INSERT INTO \"s\".\"t\" (\"id\", \"v\") SELECT * FROM unnest(?::bigint[], ?::text[])"
                     + " ON CONFLICT (\"id\") DO UPDATE SET \"v\" = EXCLUDED.\"v\"", upsert.arraySql());
        assertNull(TablePlan.of(T, List.of("id"), null, LoadMode.APPEND, List.of(), true, true, null).arraySql(),
                "an existing column whose values cannot go as an array: rows go one by one");
        assertEquals("INSERT INTO \"s\".\"t\" (\"id\") SELECT * FROM unnest(?::timestamp with time zone[])",
                TablePlan.of(T, List.of("id"), null, LoadMode.APPEND, List.of(), true, true,
                        List.of("timestamp with time zone")).arraySql());
    }

    @Test
    void should_quote_safe_identifiers() {
        assertEquals("\"order_id\"", Identifiers.quote("order_id"));
    }

    @Test
    void should_name_every_table_with_its_schema_quoted_whatever_the_schema_is_called() {
        assertEquals("\"public\".\"pg_description_copy\"", new TableName("public", "pg_description_copy").sql());
        assertEquals("\"Sales \"\"EU\"\"\".\"t\"", new TableName("Sales \"EU\"", "t").sql());
        assertEquals("Sales \"EU\".t", new TableName("Sales \"EU\"", "t").toString());
    }

    @Test
    void should_refuse_postgresqls_own_schemas_and_the_services_own_tables() {
        for (String schema : List.of("pg_catalog", "information_schema", "pg_toast", "PG_CATALOG", "pg_temp_3", "")) {
            assertThrows(IngestException.class, () -> Identifiers.quoteSchema(schema), schema);
        }
        assertThrows(IngestException.class, () -> Identifiers.quoteSchema("x".repeat(64)), "over 63 bytes");
        assertThrows(IngestException.class, () -> Identifiers.quoteSchema("é".repeat(32)), "64 bytes in UTF-8");
        for (String file : List.of("pg_description.csv", "pg_class.csv", "csv_ingest_ledger.csv", "csv_ingest_claim.csv",
                "CSV Ingest Schema History.csv")) {
            IngestException refused = assertThrows(IngestException.class, () -> Names.tableFor(null, file), file);
            assertTrue(refused.getMessage().startsWith("Cannot load " + file + ": table "), refused.getMessage());
        }
        assertThrows(IngestException.class, () -> Names.tableFor("csv_ingest_claim", "a.csv"));
    }

    @Test
    void should_plan_quoted_create_and_insert_statements() {
        TablePlan plan = TablePlan.of(new TableName("public", "sales"), List.of("id", "select"), List.of(ColumnType.BIGINT, ColumnType.TEXT),
                LoadMode.APPEND, List.of(), false, true, null);
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"public\".\"sales\" (\"id\" bigint, \"select\" text)"), plan.preparation());
        assertEquals("INSERT INTO \"public\".\"sales\" (\"id\", \"select\") VALUES (?, ?)", plan.insertSql());
        assertEquals("COPY \"public\".\"sales\" (\"id\", \"select\") FROM STDIN", plan.copySql());
    }
}
