package io.csvingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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

/** Retract a loaded file: its outbox copy or report dropped into retract/ takes exactly that load's rows out again. */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_retract_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "feeds.dir=target/retract-test/routes",
        "camel.component.feed.inbox-dir=target/retract-test/inbox",
        "camel.component.feed.outbox-dir=target/retract-test/outbox",
        "camel.component.feed.deadletter-dir=target/retract-test/deadletter",
        "camel.component.feed.poll-delay=200",
        "camel.component.feed.read-lock-check-interval=200",
        "camel.component.feed.read-lock-min-age=400"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final TestDatabase db = new TestDatabase("csv_ingest_retract_test");
    private final Inbox folders = new Inbox(Path.of("target/retract-test"));
    private final Path retract = Path.of("target/retract-test/retract");
    private final LogCapture log = LogCapture.attach();

    @BeforeAll
    void createDatabaseFoldersAndFeeds() throws IOException {
        db.create();
        folders.reset();
        Path routes = Files.createDirectories(Path.of("target/retract-test/routes"));
        Files.writeString(routes.resolve("events.yaml"), TestFeeds.yaml("events", """
                include: "events-.*\\\\.csv"
                table: events
                lineage: true
                """));
        Files.writeString(routes.resolve("prices.yaml"), TestFeeds.yaml("prices", """
                include: "prices-.*\\\\.csv"
                table: prices
                mode: upsert
                keys: sku
                lineage: true
                """));
        Files.writeString(routes.resolve("list.yaml"), TestFeeds.yaml("list", """
                include: "list-.*\\\\.csv"
                table: list
                mode: replace
                lineage: "load, line"
                """));
        Files.writeString(routes.resolve("plain.yaml"), TestFeeds.yaml("plain", """
                include: "plain-.*\\\\.csv"
                table: plain
                """));
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @Test
    void should_retract_an_append_load_dropped_as_its_outbox_copy_leaving_the_other_loads_rows() throws IOException {
        Path first = load("events-1.csv", "id,note\n1,a\n2,b\n3,c\n");
        load("events-2.csv", "id,note\n4,d\n5,e\n");

        Path report = retractAndAwait(first, "done");

        assertEquals(List.of(List.of("4"), List.of("5")), db.rows("SELECT id FROM events WHERE id < 10 ORDER BY id"),
                "the other tests' rows (10 and up) aside");
        assertEquals(List.of(List.of("retracted", "3", "t")), db.rows("SELECT status, rows_retracted, retracted_by IS NOT NULL"
                + " AND retracted_at IS NOT NULL FROM csv_ingest_ledger WHERE file_name = 'events-1.csv'"));
        assertEquals(List.of(List.of("loaded")), db.rows("SELECT status FROM csv_ingest_ledger WHERE file_name = 'events-2.csv'"));
        String json = Inbox.read(report);
        assertTrue(json.contains("\"file\": \"events-1.csv\"") && json.contains("\"status\": \"retracted\"")
                   && json.contains("\"rows\": {\"loaded\": 3, \"removed\": 3, \"keptByLaterLoads\": 0}"), json);
        Await.until("the log line", TIMEOUT, () -> log.has("INFO", "Retracted load", "(events-1.csv) from table public.events:"
                                                                    + " 3 row(s) removed, 0 kept"));

        // the same file again: the load is gone already, nothing changes
        Path again = retractAndAwait(Path.of(first.toString().replace(".csv", "-again.csv")), first, "refused");
        assertTrue(Inbox.read(again).contains("was retracted already"), Inbox.read(again));
        assertEquals(List.of(List.of("2")), db.rows("SELECT count(*) FROM events WHERE id < 10"));
    }

    @Test
    void should_retract_an_upsert_load_by_its_report_keeping_the_rows_a_later_load_wrote_over() throws IOException {
        Path first = load("prices-1.csv", "sku,price\nA,1\nB,2\nC,3\n");
        load("prices-2.csv", "sku,price\nB,20\nD,40\n");

        Path report = retractAndAwait(Path.of(first + ".report.json"), "done");

        assertEquals(List.of(List.of("B", "20"), List.of("D", "40")), db.rows("SELECT sku, price FROM prices ORDER BY sku"),
                "A and C were the first load's; B was written over by the second load and is its row now");
        assertTrue(Inbox.read(report).contains("\"rows\": {\"loaded\": 3, \"removed\": 2, \"keptByLaterLoads\": 1}"),
                Inbox.read(report));
    }

    @Test
    void should_retract_a_replace_load_only_while_it_is_the_tables_latest() throws IOException {
        Path older = load("list-1.csv", "sku,price\nA,1\n");
        load("list-2.csv", "sku,price\nB,2\nC,3\n");

        Path reason = retractAndAwait(older, "refused");
        assertTrue(Inbox.read(reason).contains("only the table's latest replace load can be retracted"), Inbox.read(reason));
        assertEquals(List.of(List.of("B"), List.of("C")), db.rows("SELECT sku FROM list ORDER BY sku"), "nothing changed");

        retractAndAwait(Path.of(Await.dataFiles(folders.outbox(), "list-2-", 1, TIMEOUT).get(0) + ".report.json"), "done");
        assertEquals(0L, db.count("list"));
    }

    @Test
    void should_refuse_a_file_never_loaded_and_change_nothing() throws IOException {
        load("events-kept.csv", "id,note\n10,kept\n");
        String before = checksums();
        Path never = Files.writeString(Files.createDirectories(Path.of("target/retract-test/other")).resolve("never.csv"),
                "id,note\n99,never\n");

        Path reason = retractAndAwait(never, "refused");

        assertTrue(Inbox.read(reason).contains("No load of the content of never.csv is in the ledger: it was never loaded"),
                Inbox.read(reason));
        assertEquals(before, checksums(), "no table and no ledger row changed");
        Await.until("the warning", TIMEOUT, () -> log.has("WARN", "Not retracting never.csv: No load of the content"));
    }

    @Test
    void should_refuse_a_load_whose_feed_has_no_lineage_saying_to_enable_it() throws IOException {
        Path plain = load("plain-1.csv", "id\n1\n2\n");

        Path reason = retractAndAwait(plain, "refused");

        assertTrue(Inbox.read(reason).contains("its feed loads without lineage (table public.plain has no _load_id column)")
                   && Inbox.read(reason).contains("Set lineage: true on the feed"), Inbox.read(reason));
        assertEquals(2L, db.count("plain"));
        assertEquals(List.of(List.of("loaded")), db.rows("SELECT status FROM csv_ingest_ledger WHERE file_name = 'plain-1.csv'"));
    }

    @Test
    void should_retract_one_load_while_a_new_load_goes_into_the_same_table() throws IOException {
        Path gone = load("events-race-1.csv", "id,note\n100,gone\n101,gone\n");
        StringBuilder big = new StringBuilder("id,note\n");
        for (int i = 0; i < 20000; i++) {
            big.append(1000 + i).append(",new\n");
        }

        folders.drop("events-race-2.csv", big.toString());
        retractAndAwait(gone, "done");
        Await.dataFiles(folders.outbox(), "events-race-2-", 1, TIMEOUT);

        assertEquals(List.of(List.of("0", "20000")), db.rows(
                "SELECT count(*) FILTER (WHERE note = 'gone'), count(*) FILTER (WHERE note = 'new') FROM events WHERE id >= 100"));
    }

    @Test
    void should_retract_a_load_of_a_file_with_a_non_latin_name() throws IOException {
        Path loaded = load("events-заказы 日本.csv", "id,note\n40,ünïcödé\n41,日本\n");

        Path report = retractAndAwait(loaded, "done");

        assertTrue(Inbox.read(report).contains("\"file\": \"events-заказы 日本.csv\""), Inbox.read(report));
        assertEquals(List.of(List.of("0")), db.rows("SELECT count(*) FROM events WHERE id IN (40, 41)"));
        assertEquals(List.of(List.of("retracted")), db.rows(
                "SELECT status FROM csv_ingest_ledger WHERE file_name = 'events-заказы 日本.csv'"));
    }

    @Test
    void should_refuse_a_symbolic_link_and_never_read_through_it() throws IOException {
        Path loaded = load("events-linked.csv", "id,note\n20,linked\n");
        Files.createDirectories(retract);
        Files.createSymbolicLink(retract.resolve("link.csv"), loaded.toAbsolutePath());

        Path reason = Await.files(retract.resolve("refused"), "link-", 2, TIMEOUT).stream()
                .filter(file -> file.toString().endsWith(".reason.txt")).findFirst().orElseThrow();

        assertTrue(Inbox.read(reason).contains("link.csv is not a regular file"), Inbox.read(reason));
        assertEquals(List.of(List.of("loaded")), db.rows("SELECT status FROM csv_ingest_ledger WHERE file_name = 'events-linked.csv'"));
        assertEquals(List.of(List.of("1")), db.rows("SELECT count(*) FROM events WHERE id = 20"));
    }

    @Test
    void should_load_a_retracted_file_again_when_it_is_dropped_into_the_inbox_again() throws IOException {
        String csv = "id,note\n30,again\n31,again\n";
        Path first = load("events-again.csv", csv);
        retractAndAwait(first, "done");
        assertEquals(List.of(List.of("0")), db.rows("SELECT count(*) FROM events WHERE note = 'again'"));

        folders.drop("events-again.csv", csv);

        Await.until("loaded again", TIMEOUT, () -> db.rows("SELECT count(*) FROM csv_ingest_ledger WHERE file_name ="
                + " 'events-again.csv' AND status = 'loaded'").equals(List.of(List.of("1"))));
        assertEquals(List.of(List.of("2")), db.rows("SELECT count(*) FROM events WHERE note = 'again'"),
                "a retracted load is no longer a duplicate of the file");
    }

    /** Drops a file into the inbox and waits for it in the outbox; its outbox copy. */
    private Path load(String name, String csv) {
        folders.drop(name, csv);
        return Await.dataFiles(folders.outbox(), name.replace(".csv", "-"), 1, TIMEOUT).get(0);
    }

    private Path retractAndAwait(Path file, String outcome) throws IOException {
        return retractAndAwait(file, file, outcome);
    }

    /**
     * Copies {@code content} into the retract folder as {@code name}'s file name (the way a user moves it there) and
     * waits for it in {@code retract/done/} or {@code retract/refused/}; the report or reason written beside it.
     */
    private Path retractAndAwait(Path name, Path content, String outcome) throws IOException {
        Path folder = retract.resolve(outcome);
        String suffix = outcome.equals("done") ? ".report.json" : ".reason.txt";
        List<Path> before = Await.list(folder, "");
        Path staged = Files.createDirectories(retract.resolveSibling("staging")).resolve(name.getFileName());
        Files.copy(content, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(retract);
        Files.move(staged, retract.resolve(name.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        Await.until(name.getFileName() + " in retract/" + outcome, TIMEOUT, () -> Await.list(folder, "").stream()
                .anyMatch(file -> !before.contains(file) && file.toString().endsWith(suffix)));
        return Await.list(folder, "").stream().filter(file -> !before.contains(file) && file.toString().endsWith(suffix))
                .findFirst().orElseThrow();
    }

    /** Every table's content and the ledger, as one text: what a refused retraction must leave as it was. */
    private String checksums() {
        return db.rows("SELECT string_agg(t, '|' ORDER BY t) FROM ("
                       + " SELECT 'events:' || md5(string_agg(e::text, ',' ORDER BY e::text)) AS t FROM events e"
                       + " UNION ALL SELECT 'ledger:' || md5(string_agg(l::text, ',' ORDER BY l.id)) FROM csv_ingest_ledger l) x")
                .toString();
    }
}
