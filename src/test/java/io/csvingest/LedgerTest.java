package io.csvingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.csvingest.support.Await;
import io.csvingest.support.Inbox;
import io.csvingest.support.LogCapture;
import io.csvingest.support.TestDatabase;
import io.csvingest.support.TestFeeds;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load ledger: every attempt recorded with its outcome, duplicate content skipped, dead letters explained. */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_ledger_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "instance.name=ledger-test",
        "feeds.dir=target/ledger-test/routes",
        "camel.component.feed.inbox-dir=target/ledger-test/inbox",
        "camel.component.feed.outbox-dir=target/ledger-test/outbox",
        "camel.component.feed.deadletter-dir=target/ledger-test/deadletter",
        "camel.component.feed.poll-delay=200",
        "camel.component.feed.read-lock-check-interval=300",
        "camel.component.feed.read-lock-min-age=500"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TestDatabase db = new TestDatabase("csv_ingest_ledger_test");
    private final Inbox folders = new Inbox(Path.of("target/ledger-test"));
    private final LogCapture log = LogCapture.attach();

    @BeforeAll
    void createDatabaseFoldersAndFeeds() throws IOException {
        db.create();
        db.execute("CREATE TABLE existing_before (id bigint)"); // the ledger also comes to a database that has tables
        folders.reset();
        Path routes = Files.createDirectories(Path.of("target/ledger-test/routes"));
        Files.copy(Path.of("routes/zero-config.yaml"), routes.resolve("zero-config.yaml"));
        Files.writeString(routes.resolve("again.yaml"), TestFeeds.yaml("again", "include: \"again-.*\\\\.csv\"\ntable: again\nreload: true"));
        Files.writeString(routes.resolve("prices.yaml"), TestFeeds.yaml("prices", "include: \"prices-.*\\\\.csv\"\ntable: prices\nmode: replace"));
        Files.writeString(routes.resolve("strict.yaml"), TestFeeds.yaml("strict", "include: \"strict-.*\\\\.csv\"\nmaxRejects: \"0\""));
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    private List<List<String>> attempts(String filePrefix) {
        return db.rows("SELECT file_name, status, rows_read, rows_loaded, target_table, instance, length(checksum)"
                       + " FROM csv_ingest_ledger WHERE file_name LIKE '" + filePrefix + "%' ORDER BY id");
    }

    @Test
    void should_create_the_ledger_in_a_versioned_way() {
        Await.until("the ledger's schema", TIMEOUT, () -> db.tableExists("csv_ingest_schema_history"));
        assertEquals(List.of(List.of("1", "load ledger", "t")),
                db.rows("SELECT version, description, success FROM csv_ingest_schema_history WHERE version = '1'"));
    }

    @Test
    void should_load_the_same_content_once_and_record_both_attempts() {
        folders.drop("repeat.csv", "id,name\n1,a\n2,b\n");
        Await.dataFiles(folders.outbox(), "repeat-", 1, TIMEOUT);
        folders.drop("repeat.csv", "id,name\n1,a\n2,b\n");

        Path duplicate = Await.files(folders.outbox(), "repeat-", 3, TIMEOUT).stream()
                .filter(f -> f.getFileName().toString().endsWith(".duplicate.csv")).findFirst().orElseThrow();

        assertEquals("id,name\n1,a\n2,b\n", Inbox.read(duplicate));
        assertEquals(2, db.count("repeat"));
        assertEquals(List.of(List.of("repeat.csv", "loaded", "2", "2", "repeat", "ledger-test", "64"),
                        Arrays.asList("repeat.csv", "duplicate", null, null, "repeat", "ledger-test", "64")),
                attempts("repeat"));
        assertTrue(log.has("INFO", "Skipped repeat.csv: the same content", "was loaded into table public.repeat from repeat.csv at"));

        folders.drop("repeat.csv", "id,name\n3,c\n");
        Await.dataFiles(folders.outbox(), "repeat-", 2, TIMEOUT);
        assertEquals(3, db.count("repeat"), "a same-named file with other content is a new load");
    }

    @Test
    void should_load_the_same_content_again_when_the_feed_says_reload() {
        folders.drop("again-1.csv", "id\n1\n");
        Await.dataFiles(folders.outbox(), "again-1-", 1, TIMEOUT);
        folders.drop("again-1.csv", "id\n1\n");
        Await.dataFiles(folders.outbox(), "again-1-", 2, TIMEOUT);

        assertEquals(2, db.count("again"));
        assertEquals(List.of("loaded", "loaded"), attempts("again-1").stream().map(r -> r.get(1)).toList());
    }

    @Test
    void should_skip_a_reload_feeds_file_only_when_this_very_file_was_loaded_after_it_last_changed() throws IOException {
        folders.drop("again-2.csv", "id\n2\n");
        Await.dataFiles(folders.outbox(), "again-2-", 1, TIMEOUT);

        // the same file again, unchanged since before that load: as if the service had crashed between the commit
        // and the move to the outbox; it must not load a second time, even on a reload feed
        Path staged = Files.writeString(folders.root().resolve(".again-2"), "id\n2\n");
        staged.toFile().setLastModified(System.currentTimeMillis() - 3_600_000);
        Files.move(staged, folders.inbox().resolve("again-2.csv"));
        Await.until("the file skipped", TIMEOUT, () -> Await.list(folders.outbox(), "again-2-").stream()
                .anyMatch(f -> f.toString().endsWith(".duplicate.csv")));

        assertEquals(1, db.rows("SELECT * FROM again WHERE id = 2").size());
    }

    @Test
    void should_load_a_replace_feeds_earlier_content_again_when_another_came_in_between() {
        String p1 = "sku,price\nA,1\n";
        String p2 = "sku,price\nA,2\n";
        for (int i = 1; i <= 3; i++) {
            folders.drop("prices-" + i + ".csv", i == 2 ? p2 : p1);
            Await.dataFiles(folders.outbox(), "prices-" + i + "-", 1, TIMEOUT);
        }
        assertEquals(List.of(List.of("A", "1")), db.rows("SELECT sku, price FROM prices"), "P1, P2, P1 leaves P1");

        folders.drop("prices-4.csv", p1);
        Await.until("prices-4.csv skipped", TIMEOUT, () -> Await.list(folders.outbox(), "prices-4-").stream()
                .anyMatch(f -> f.toString().endsWith(".duplicate.csv")));
        assertEquals(List.of("loaded", "loaded", "loaded", "duplicate"), attempts("prices-").stream().map(r -> r.get(1)).toList());
    }

    @Test
    void should_record_why_each_kind_of_dead_letter_happened() {
        db.execute("CREATE VIEW frozen AS SELECT 1::bigint AS id"); // exists, but nothing can be inserted into it
        folders.drop("broken.csv", "id,note\n1,\"never closed\n");
        folders.drop("strict-1.csv", "id,qty\n1,1\n2\n");
        folders.drop("frozen.csv", "id\n1\n");

        for (String prefix : List.of("broken-", "strict-1-", "frozen-")) {
            List<Path> failed = Await.files(folders.deadLetter(), prefix, 2, TIMEOUT);
            assertTrue(failed.stream().anyMatch(f -> f.toString().endsWith(".reason.txt")), prefix);
            assertEquals(List.of(), Await.dataFiles(folders.outbox(), prefix));
        }

        Await.until("three dead-lettered attempts", TIMEOUT, () -> db.rows(
                "SELECT count(*) FROM csv_ingest_ledger WHERE status = 'dead-lettered'").get(0).get(0).equals("3"));
        assertTrue(error("broken.csv").contains("unterminated quote"), error("broken.csv"));
        assertTrue(error("strict-1.csv").contains("maxRejects (0)"), error("strict-1.csv"));
        assertTrue(error("frozen.csv").contains("cannot insert into view \"frozen\""), error("frozen.csv"));
    }

    @Test
    void should_refuse_to_load_a_file_into_the_ledger_itself() {
        folders.drop("csv_ingest_ledger.csv", "id\n1\n");

        List<Path> failed = Await.files(folders.deadLetter(), "csv_ingest_ledger-", 2, TIMEOUT);

        assertTrue(Inbox.read(failed.stream().filter(f -> f.toString().endsWith(".reason.txt")).findFirst().orElseThrow())
                .contains("belongs to csv-ingest itself"));
    }

    private String error(String file) {
        return db.rows("SELECT error FROM csv_ingest_ledger WHERE file_name = '" + file + "'").get(0).get(0);
    }
}
