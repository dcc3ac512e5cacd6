package io.csvingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.csvingest.support.Await;
import io.csvingest.support.HostileWorld;
import org.junit.jupiter.api.Test;

import static io.csvingest.support.HostileWorld.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile names, run as a superuser and as a role owning one schema: file names and headers that try to reach a
 * system catalog, the service's own tables, another schema, or to change the SQL; names longer than PostgreSQL or the
 * file system take. Each case checks where the file went, the table, the ledger, the words, and that nothing was
 * written anywhere else and the next good file still loads.
 */
abstract class HostileNamesSuite extends HostileSuite {


    HostileNamesSuite(HostileWorld world) {
        super(world);
    }

    @Test
    void should_refuse_files_named_like_system_catalogs_and_write_nothing_into_pg_catalog() {
        world.drop("pg_description.csv", "objoid,classoid,objsubid,description\n1,1259,0," + HostileWorld.MARKER + "\n");
        world.drop("pg_class.csv", "oid,relname,relnamespace\n1," + HostileWorld.MARKER + ",11\n");

        for (String table : List.of("pg_description", "pg_class")) {
            String reason = world.awaitReason(table + "-");
            assertContains(reason, "table name " + table + " starts with pg_ like PostgreSQL's own catalogs");
            assertTrue(world.ledger(table + ".csv").isEmpty(), "refused before a ledger entry is opened");
            assertFalse(world.tableExists(world.schema(), table));
            assertTrue(log.has("ERROR", "Failed " + table + ".csv: Cannot load " + table + ".csv: table name"));
        }
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_refuse_the_services_own_tables_and_leave_them_as_they_were() {
        List<List<String>> ledgerColumns = world.db().rows("SELECT column_name FROM information_schema.columns"
                                                           + " WHERE table_name = 'csv_ingest_ledger' ORDER BY 1");
        assertFalse(ledgerColumns.isEmpty());
        for (String table : List.of("csv_ingest_ledger", "csv_ingest_claim", "csv_ingest_schema_history")) {
            world.drop(table + ".csv", "id,status\n1," + HostileWorld.MARKER + "\n");
            assertContains(world.awaitReason(table + "-"), "table " + table + " belongs to csv-ingest itself");
        }
        assertEquals(ledgerColumns, world.db().rows("SELECT column_name FROM information_schema.columns"
                                                    + " WHERE table_name = 'csv_ingest_ledger' ORDER BY 1"));
        assertEquals(List.of(List.of("0")), world.db().rows(
                "SELECT count(*) FROM " + world.ledgerTable() + " WHERE status = '" + HostileWorld.MARKER + "'"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_refuse_a_feed_naming_a_system_schema_and_load_its_files_in_the_default_schema_instead() {
        Await.until("the refused feed", HostileWorld.TIMEOUT,
                () -> log.has("ERROR", "catalog.yaml not applied", "schema pg_catalog belongs to PostgreSQL itself"));
        world.drop("catalog-1.csv", "id,v\n1," + HostileWorld.MARKER + "\n");

        world.awaitLoaded("catalog-1-");
        assertEquals(List.of(List.of("1", HostileWorld.MARKER)), world.db().rows("SELECT * FROM " + world.schema() + ".catalog_1"));
        assertFalse(world.tableExists("pg_catalog", "catalog_1"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_load_names_with_sql_punctuation_as_plain_quoted_identifiers() {
        world.drop("x;drop table y;--.csv", "id\n1\n");
        world.drop("O'Brien \"q\".csv", "id\n2\n");
        world.drop("a..b.csv", "id\n3\n");

        world.awaitLoaded("x;drop table y;---");
        world.awaitLoaded("O'Brien \"q\"-");
        world.awaitLoaded("a..b-");
        assertEquals(1, world.count(world.schema() + ".x_drop_table_y"));
        assertEquals(1, world.count(world.schema() + ".o_brien_q"));
        assertEquals(1, world.count(world.schema() + ".a_b"));
        assertTrue(log.has("INFO", "Loaded x;drop table y;--.csv into table " + world.schema() + ".x_drop_table_y"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_load_files_named_like_sql_keywords_into_quoted_tables() {
        for (String keyword : List.of("select", "user", "table", "order")) {
            world.drop(keyword + ".csv", "id,from\n1,a\n");
        }
        for (String keyword : List.of("select", "user", "table", "order")) {
            world.awaitLoaded(keyword + "-");
            assertEquals(List.of(List.of("1", "a")), world.db().rows("SELECT * FROM " + world.schema() + ".\"" + keyword + "\""));
        }
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_take_a_header_that_tries_sql_injection_as_column_names() {
        world.drop("injected.csv", "id,\"x\"\");DROP TABLE y;--\",\"a' OR '1'='1\"\n1,2,3\n");

        world.awaitLoaded("injected-");
        assertEquals(List.of(List.of("id"), List.of("x_drop_table_y"), List.of("a_or_1_1")), world.db().rows(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = '" + world.schema()
                + "' AND table_name = 'injected' ORDER BY ordinal_position"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_rename_columns_named_like_system_columns_as_gis_files_have_them() {
        world.drop("bbox.csv", "name,xmin,ymin,xmax,ymax\nparis,2.22,48.81,2.47,48.90\n");

        world.awaitLoaded("bbox-");
        assertEquals(List.of(List.of("paris", "2.22", "48.81", "2.47", "48.90")),
                world.db().rows("SELECT name, xmin_, ymin, xmax_, ymax FROM " + world.schema() + ".bbox"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_fill_a_view_in_the_target_schema_through_it() {
        world.db().execute("CREATE TABLE " + world.schema() + ".people_base (id bigint, name text)");
        world.db().execute("CREATE VIEW " + world.schema() + ".people AS SELECT id, name FROM " + world.schema() + ".people_base");
        world.ownedByRole(world.schema() + ".people_base");
        world.ownedByRole(world.schema() + ".people");
        world.drop("people.csv", "id,name\n1,Ada\n2,Grace\n");

        world.awaitLoaded("people-");
        assertEquals(2, world.count(world.schema() + ".people_base"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_treat_template_and_expression_syntax_in_names_as_plain_text() {
        world.drop("${exchange.context.stop()}.csv", "id\n1\n");
        world.drop("{{x}}.csv", "id\n2\n");
        world.drop("#{systemEnvironment}.csv", "id\n3\n");

        world.awaitLoaded("${exchange.context.stop()}-");
        world.awaitLoaded("{{x}}-");
        world.awaitLoaded("#{systemEnvironment}-");
        assertEquals(1, world.count(world.schema() + ".exchange_context_stop"));
        assertEquals(1, world.count(world.schema() + ".x"));
        assertEquals(1, world.count(world.schema() + ".system_environment"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_load_names_holding_line_breaks_and_terminal_escapes() {
        world.drop("forged\nINFO Loaded x.csv.csv", "id\n1\n");
        world.drop("esc\u001b[31mred.csv", "id\n2\n");

        Await.until("both loaded", HostileWorld.TIMEOUT, () -> log.has("INFO", "Loaded forged\nINFO Loaded x.csv.csv into table")
                                                             && log.has("INFO", "Loaded esc\u001b[31mred.csv into table"));
        assertEquals(1, world.count(world.schema() + ".forged_info_loaded_x_csv"));
        assertEquals(1, world.count(world.schema() + ".esc_31mred"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_keep_two_long_file_names_that_share_their_first_63_bytes_in_two_tables() {
        String common = "quarterly_revenue_report_for_the_european_subsidiaries_regions_";
        world.drop(common + "north_2026.csv", "id\n1\n");
        world.drop(common + "south_2026.csv", "id\n2\n3\n");

        world.awaitLoaded(common + "north_2026-");
        world.awaitLoaded(common + "south_2026-");
        List<List<String>> tables = world.db().rows("SELECT c.relname, c.reltuples FROM pg_class c JOIN pg_namespace n"
                                                    + " ON n.oid = c.relnamespace WHERE n.nspname = '" + world.schema()
                                                    + "' AND c.relname LIKE 'quarterly_revenue%' ORDER BY 1");
        assertEquals(2, tables.size(), tables.toString());
        assertNotEquals(tables.get(0).get(0), tables.get(1).get(0));
        long rows = tables.stream().mapToLong(t -> world.count(world.schema() + "." + t.get(0))).sum();
        assertEquals(3, rows);
        assertTrue(log.has("INFO", common + "north_2026.csv: table name shortened to quarterly_revenue"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_keep_two_long_headers_that_share_their_first_63_bytes_in_two_columns() {
        String common = "relative_humidity_measured_inside_the_greenhouse_at_sensor_position";
        world.drop("humidity.csv", "id," + common + "_a," + common + "_b\n1,40,41\n");

        world.awaitLoaded("humidity-");
        List<List<String>> columns = world.db().rows("SELECT column_name FROM information_schema.columns WHERE"
                                                     + " table_schema = '" + world.schema() + "' AND table_name = 'humidity'"
                                                     + " ORDER BY ordinal_position");
        assertEquals(3, columns.size());
        assertNotEquals(columns.get(1), columns.get(2));
        assertTrue(log.has("INFO", "humidity.csv: column name(s) shortened"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_load_a_255_byte_file_name_once_and_write_every_name_within_the_limit() throws IOException {
        String name = "n".repeat(251) + ".csv";
        world.drop(name, "id,v\n1,a\n2,a\n3,b,extra\n");

        Path moved = world.awaitLoaded("nnnn");
        Await.until("its report", HostileWorld.TIMEOUT, () -> Files.exists(moved.resolveSibling(moved.getFileName() + ".report.json")));
        assertTrue(Files.exists(moved.resolveSibling(moved.getFileName() + ".rejects.csv")), "its rejects file");
        try (Stream<Path> written = Stream.concat(Files.list(world.folders().outbox()), Files.list(world.folders().deadLetter()))) {
            written.forEach(f -> assertTrue(f.getFileName().toString().getBytes(StandardCharsets.UTF_8).length <= 255, f.toString()));
        }
        assertTrue(log.has("INFO", "Loaded " + name + " into table"));
        world.assertNextGoodFileLoads(); // some polls later: loaded once, no loop
        assertEquals(List.of("loaded"), world.ledger(name));
        assertEquals(1, log.matching("Loaded " + name).size());
    }

    @Test
    void should_load_a_229_byte_file_name_with_its_report_and_summary_line() {
        String name = "m".repeat(225) + ".csv";
        world.drop(name, "id\n1\n");

        Path moved = world.awaitLoaded("mmmm");
        Await.until("its report", HostileWorld.TIMEOUT, () -> Files.exists(moved.resolveSibling(moved.getFileName() + ".report.json")));
        assertTrue(log.has("INFO", "Loaded " + name + " into table"));
        assertEquals(List.of("loaded"), world.ledger(name));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_dead_letter_bad_files_with_long_names_with_their_reason_file_and_error_line() {
        for (String name : List.of("b".repeat(225) + ".csv", "c".repeat(251) + ".csv")) {
            world.drop(name, "id,note\n1,\"never closed\n");
            String reason = world.awaitReason(name.substring(0, 4));
            assertContains(reason, "unterminated quote");
            assertTrue(log.has("ERROR", "Failed " + name + ": Malformed CSV"));
            assertEquals(List.of("dead-lettered"), world.ledger(name));
        }
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_load_into_the_schema_the_feed_names_and_leave_the_same_named_table_elsewhere_alone() {
        world.db().execute("CREATE TABLE other.t (id bigint, v text)");
        world.ownedByRole("other.t");
        world.drop("other-1.csv", "id,v\n7,in other\n");

        world.awaitLoaded("other-1-");
        assertEquals(List.of(List.of("7", "in other")), world.db().rows("SELECT * FROM other.t"));
        assertEquals(List.of(List.of("0", "public sentinel")), world.db().rows("SELECT * FROM public.t"));
        assertEquals(List.of(List.of("other", "t")), world.db().rows(
                "SELECT target_schema, target_table FROM " + world.ledgerTable() + " WHERE file_name = 'other-1.csv'"));
        assertTrue(log.has("INFO", "Loaded other-1.csv into table other.t (append)"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_insert_into_a_table_of_another_schema_with_nothing_but_usage_and_insert_granted() {
        world.drop("sales-1.csv", "id,amount\n1,9.50\n2,3\n");

        world.awaitLoaded("sales-1-");
        assertEquals(List.of(List.of("1", "9.50"), List.of("2", "3")),
                world.db().rows("SELECT id, amount FROM sales.orders ORDER BY id"));
        assertEquals(List.of(List.of("sales", "orders")), world.db().rows(
                "SELECT target_schema, target_table FROM " + world.ledgerTable() + " WHERE file_name = 'sales-1.csv'"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_dead_letter_a_file_for_a_schema_that_does_not_exist() {
        world.drop("missing-1.csv", "id\n1\n");

        assertContains(world.awaitReason("missing-1-"), "Schema no_such_schema does not exist in the database");
        assertEquals(List.of("dead-lettered"), world.ledger("missing-1.csv"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_load_into_public_only_when_the_role_may_create_tables_there() {
        world.drop("public-1.csv", "id\n1\n");

        if (world.superuser()) {
            world.awaitLoaded("public-1-");
            assertEquals(1, world.count("public.public_t"));
        } else {
            String reason = world.awaitReason("public-1-");
            assertContains(reason, "permission denied for schema public", "42501");
            assertFalse(world.tableExists("public", "public_t"));
        }
        world.assertNextGoodFileLoads();
    }
}
