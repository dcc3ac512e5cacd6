package io.csvingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.csvingest.support.Await;
import io.csvingest.support.Inbox;
import io.csvingest.support.TestDatabase;
import io.csvingest.support.TestFeeds;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A feed's lineage columns: each row says which load, file and line it came from, by COPY and by INSERT alike. */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_lineage_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "feeds.dir=target/lineage-test/routes",
        "camel.component.feed.inbox-dir=target/lineage-test/inbox",
        "camel.component.feed.outbox-dir=target/lineage-test/outbox",
        "camel.component.feed.deadletter-dir=target/lineage-test/deadletter",
        "camel.component.feed.poll-delay=200",
        "camel.component.feed.read-lock-check-interval=200",
        "camel.component.feed.read-lock-min-age=400"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineageLoadTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> METHODS = List.of("copy", "insert");

    private final TestDatabase db = new TestDatabase("csv_ingest_lineage_test");
    private final Inbox folders = new Inbox(Path.of("target/lineage-test"));

    @BeforeAll
    void createDatabaseFoldersAndFeeds() throws IOException {
        db.create();
        folders.reset();
        Path routes = Files.createDirectories(Path.of("target/lineage-test/routes"));
        for (String method : METHODS) {
            // small batches: lineage values cross batch boundaries and COPY's batch-ahead pipeline
            Files.writeString(routes.resolve("events-" + method + ".yaml"), TestFeeds.yaml("events-" + method, """
                    include: "events-%s-.*\\\\.csv"
                    table: events_%s
                    method: %s
                    batchSize: 2
                    lineage: "load, file, line"
                    """.formatted(method, method, method)));
            Files.writeString(routes.resolve("existing-" + method + ".yaml"), TestFeeds.yaml("existing-" + method, """
                    include: "existing-%s-.*\\\\.csv"
                    table: existing_%s
                    method: %s
                    batchSize: 2
                    lineage: "line, load"
                    """.formatted(method, method, method)));
            Files.writeString(routes.resolve("prices-" + method + ".yaml"), TestFeeds.yaml("prices-" + method, """
                    include: "prices-%s-.*\\\\.csv"
                    table: prices_%s
                    mode: upsert
                    keys: sku
                    method: %s
                    batchSize: 2
                    lineage: true
                    """.formatted(method, method, method)));
        }
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @Test
    void should_fill_load_id_file_name_and_start_line_with_copy_and_with_insert() {
        // a quoted line break: record 2 starts on line 3 and ends on line 4, record 3 starts on line 5
        String csv = "id,note\n1,one\n2,\"two\nlines\"\n3,three\n4,\"tab\there\"\n5,five\n";
        for (String method : METHODS) {
            folders.drop("events-" + method + "-1.csv", csv);
        }
        for (String method : METHODS) {
            Await.dataFiles(folders.outbox(), "events-" + method + "-1-", 1, TIMEOUT);
            String loadId = ledgerId("events-" + method + "-1.csv");
            assertEquals(List.of(List.of("1", loadId, "events-" + method + "-1.csv", "2"),
                            List.of("2", loadId, "events-" + method + "-1.csv", "3"),
                            List.of("3", loadId, "events-" + method + "-1.csv", "5"),
                            List.of("4", loadId, "events-" + method + "-1.csv", "6"),
                            List.of("5", loadId, "events-" + method + "-1.csv", "7")),
                    db.rows("SELECT id, _load_id, _source_file, _source_line FROM events_" + method + " ORDER BY id"), method);
            assertEquals(List.of(List.of("bigint", "text", "bigint")), db.rows(
                    "SELECT string_agg(data_type, ',' ORDER BY ordinal_position) FROM information_schema.columns"
                    + " WHERE table_name = 'events_" + method + "' AND column_name LIKE '\\_%'").stream()
                    .map(row -> List.of(row.get(0).split(","))).toList(), method);
        }
    }

    @Test
    void should_set_an_upserted_rows_load_id_to_the_latest_load_that_wrote_it() {
        for (String method : METHODS) {
            folders.drop("prices-" + method + "-1.csv", "sku,price\nA,1\nB,2\nC,3\n");
            Await.dataFiles(folders.outbox(), "prices-" + method + "-1-", 1, TIMEOUT);
            // the table now holds rows: the second file goes through the staging table (copy) or ON CONFLICT (insert)
            folders.drop("prices-" + method + "-2.csv", "sku,price\nB,20\nC,30\nD,40\nC,31\n");
            Await.dataFiles(folders.outbox(), "prices-" + method + "-2-", 1, TIMEOUT);

            String first = ledgerId("prices-" + method + "-1.csv");
            String second = ledgerId("prices-" + method + "-2.csv");
            assertTrue(Long.parseLong(second) > Long.parseLong(first));
            assertEquals(List.of(List.of("A", "1", first), List.of("B", "20", second), List.of("C", "31", second),
                            List.of("D", "40", second)),
                    db.rows("SELECT sku, price, _load_id FROM prices_" + method + " ORDER BY sku"), method);
        }
    }

    @Test
    void should_add_the_lineage_columns_to_a_table_that_lacks_them_and_leave_its_older_rows_without() {
        for (String method : METHODS) {
            db.execute("CREATE TABLE existing_" + method + " (id bigint, note text)");
            db.execute("INSERT INTO existing_" + method + " VALUES (0, 'before')");
            folders.drop("existing-" + method + "-1.csv", "id,note\n1,after\n2,again\n3,more\n");
        }
        for (String method : METHODS) {
            Await.dataFiles(folders.outbox(), "existing-" + method + "-1-", 1, TIMEOUT);
            String loadId = ledgerId("existing-" + method + "-1.csv");
            assertEquals(List.of(List.of("0", "NULL", "NULL"), List.of("1", loadId, "2"), List.of("2", loadId, "3"),
                            List.of("3", loadId, "4")),
                    db.rows("SELECT id, coalesce(_load_id::text, 'NULL'), coalesce(_source_line::text, 'NULL') FROM existing_"
                            + method + " ORDER BY id"), method);
        }
    }

    @Test
    void should_keep_a_files_own_load_id_column_apart_from_the_lineage() {
        // the header's _load_id is cleaned to load_id (no leading underscore): the file's value and the lineage both stay
        folders.drop("events-copy-own.csv", "id,_load_id\n1,7\n");

        Await.dataFiles(folders.outbox(), "events-copy-own-", 1, TIMEOUT);
        assertEquals(List.of(List.of("7", ledgerId("events-copy-own.csv"))),
                db.rows("SELECT load_id, _load_id FROM events_copy WHERE _source_file = 'events-copy-own.csv'"));
    }

    private String ledgerId(String fileName) {
        return db.rows("SELECT id FROM csv_ingest_ledger WHERE status = 'loaded' AND file_name = '" + fileName + "'")
                .get(0).get(0);
    }
}
