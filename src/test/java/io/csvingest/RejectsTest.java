package io.csvingest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.csvingest.support.Await;
import io.csvingest.support.DirtyCsv;
import io.csvingest.support.Inbox;
import io.csvingest.support.LogCapture;
import io.csvingest.support.TestDatabase;
import io.csvingest.support.TestFeeds;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dirty files: every row loaded, rejected with its line, text and reason, or counted; and the counts add up. */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_rejects_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "feeds.dir=target/rejects-test/routes",
        "camel.component.feed.inbox-dir=target/rejects-test/inbox",
        "camel.component.feed.outbox-dir=target/rejects-test/outbox",
        "camel.component.feed.deadletter-dir=target/rejects-test/deadletter",
        "camel.component.feed.poll-delay=200",
        "camel.component.feed.read-lock-check-interval=300",
        "camel.component.feed.read-lock-min-age=500",
        "camel.component.feed.batch-size=250"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final TestDatabase db = new TestDatabase("csv_ingest_rejects_test");
    private final Inbox folders = new Inbox(Path.of("target/rejects-test"));
    private final LogCapture log = LogCapture.attach();

    @BeforeAll
    void createDatabaseFoldersAndFeeds() throws IOException {
        db.create();
        folders.reset();
        Path routes = Files.createDirectories(Path.of("target/rejects-test/routes"));
        Files.copy(Path.of("routes/zero-config.yaml"), routes.resolve("zero-config.yaml"));
        feed(routes, "dirty", """
                include: "dirty-.*\\\\.csv"
                table: dirty_orders
                columns: "order_id:bigint, customer_name:text, amount:numeric, qty:bigint, active:boolean, order_date:date"
                thousandsSeparator: ","
                """);
        feed(routes, "strict", """
                include: "strict-.*\\\\.csv"
                maxRejects: "10%"
                """);
    }

    static void feed(Path routes, String name, String parameters) throws IOException {
        Files.writeString(routes.resolve(name + ".yaml"), TestFeeds.yaml(name, parameters));
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @Test
    void should_load_a_dirty_file_with_exact_counts_values_and_rejects() throws IOException {
        DirtyCsv dirty = new DirtyCsv(3000, 20261122L);
        folders.drop("dirty-1.csv", dirty.text.toString());

        Path loaded = Await.dataFiles(folders.outbox(), "dirty-1-", 1, TIMEOUT).get(0);

        assertEquals(dirty.rows.stream().map(DirtyCsv.Expected::asList).toList(),
                db.rows("SELECT order_id, customer_name, amount, qty, active, order_date FROM dirty_orders ORDER BY order_id"));
        List<CSVRecord> rejects = parse(Inbox.read(Path.of(loaded + ".rejects.csv")));
        assertEquals(dirty.rejects, rejects.stream()
                .map(r -> new DirtyCsv.ExpectedReject(Long.parseLong(r.get("line")), r.get("column"), r.get("record")))
                .toList());
        assertTrue(rejects.stream().allMatch(r -> !r.get("reason").isBlank()));
        long rejected = dirty.rejects.size();
        assertTrue(dirty.duplicates >= 25 && dirty.blank >= 10 && rejected >= 40, "the generated file is dirty enough");
        String counts = dirty.read + " rows read = " + dirty.rows.size() + " loaded + " + rejected + " rejected + "
                        + dirty.duplicates + " duplicates + " + dirty.blank + " blank";
        Await.until("the file's summary line", TIMEOUT, () -> log.has("INFO", "Loaded dirty-1.csv into table public.dirty_orders (append): " + counts));
        String report = Inbox.read(Path.of(loaded + ".report.json"));
        assertTrue(report.contains("\"rows\": {\"read\": " + dirty.read + ", \"loaded\": " + dirty.rows.size()
                                   + ", \"rejected\": " + rejected + ", \"duplicates\": " + dirty.duplicates
                                   + ", \"blank\": " + dirty.blank + ", \"filtered\": 0}"), report);
        assertTrue(report.contains("\"rejectsFile\": \"" + loaded.getFileName() + ".rejects.csv\""), report);
    }

    @Test
    void should_reject_only_the_rows_the_database_refuses_and_load_the_rest_of_their_batch() {
        db.execute("CREATE TABLE stock (sku varchar(6) PRIMARY KEY, qty bigint CHECK (qty >= 0), note text NOT NULL)");
        StringBuilder csv = new StringBuilder("sku,qty,note\n");
        for (int i = 1; i <= 100; i++) {
            csv.append("S-").append(i).append(',').append(i == 37 ? -5 : i).append(',').append(i == 64 ? "" : "n").append('\n');
        }
        csv.append("S-10,99,n\nS-TOOLONG,1,n\n");
        folders.drop("stock.csv", csv.toString());

        Path loaded = Await.dataFiles(folders.outbox(), "stock-", 1, TIMEOUT).get(0);

        assertEquals(List.of(List.of("98", "4949")), db.rows("SELECT count(*), sum(qty) FROM stock"));
        List<CSVRecord> rejects = parse(Inbox.read(Path.of(loaded + ".rejects.csv")));
        assertEquals(List.of(
                List.of("38", "", "S-37,-5,n"), List.of("65", "note", "S-64,64,"), List.of("102", "", "S-10,99,n"),
                List.of("103", "", "S-TOOLONG,1,n")),
                rejects.stream().map(r -> List.of(r.get("line"), r.get("column"), r.get("record"))).toList());
        assertEquals(List.of(
                "the database refused it: new row for relation \"stock\" violates check constraint \"stock_qty_check\""
                + " (Failing row contains (S-37, -5, n).) [SQL state 23514]",
                "the database refused it: null value in column \"note\" of relation \"stock\" violates not-null constraint"
                + " (Failing row contains (S-64, 64, null).) [SQL state 23502]",
                "the database refused it: duplicate key value violates unique constraint \"stock_pkey\""
                + " (Key (sku)=(S-10) already exists.) [SQL state 23505]",
                "the database refused it: value too long for type character varying(6) [SQL state 22001]"),
                rejects.stream().map(r -> r.get("reason")).toList());
    }

    @Test
    void should_dead_letter_a_file_whose_every_row_the_table_refuses_rather_than_load_nothing() {
        db.execute("CREATE TABLE contacts (id bigint, email text, created_by text NOT NULL)");
        folders.drop("contacts.csv", "id,email\n1,a@example.com\n2,b@example.com\n3,c@example.com\n");

        List<Path> failed = Await.files(folders.deadLetter(), "contacts-", 2, TIMEOUT);

        String reason = Inbox.read(failed.stream().filter(f -> f.toString().endsWith(".reason.txt")).findFirst().orElseThrow());
        assertTrue(reason.contains("The database refused every row of the file's first batch of 3 (lines 2-4)")
                   && reason.contains("null value in column \"created_by\""), reason);
        assertEquals(0, db.count("contacts"));
        assertEquals(List.of(), Await.list(folders.outbox(), "contacts"));
    }

    @Test
    void should_round_trip_quoted_fields_with_line_breaks_commas_and_doubled_quotes_exactly() {
        folders.drop("quoted.csv", "id,note\r\n1,\"first line\nsecond line\"\r\n2,\"a, b, c\"\r\n3,\"say \"\"hi\"\"\"\r\n"
                                   + "4,\"all: \"\"x, y\"\"\r\nand more\"\r\n");

        Await.dataFiles(folders.outbox(), "quoted-", 1, TIMEOUT);

        assertEquals(List.of(List.of("1", "first line\nsecond line"), List.of("2", "a, b, c"), List.of("3", "say \"hi\""),
                List.of("4", "all: \"x, y\"\r\nand more")), db.rows("SELECT id, note FROM quoted ORDER BY id"));
    }

    @Test
    void should_dead_letter_a_file_over_its_feeds_reject_limit_and_leave_nothing_of_it() {
        folders.drop("strict-1.csv", "id,qty\n1,1\n2,2\n3,3\n4,4\n5,5\n6,6\n7,7\n8,8\n9,9\n10,10\n11\n12,12,12\n");

        List<Path> failed = Await.files(folders.deadLetter(), "strict-1-", 3, TIMEOUT);

        String reason = Inbox.read(failed.stream().filter(f -> f.toString().endsWith(".reason.txt")).findFirst().orElseThrow());
        assertTrue(reason.contains("2 of 12 rows read so far were rejected, more than the feed's maxRejects (10%)"), reason);
        String rejects = Inbox.read(failed.stream().filter(f -> f.toString().endsWith(".rejects.csv")).findFirst().orElseThrow());
        assertEquals(List.of("12", "13"), parse(rejects).stream().map(r -> r.get("line")).toList(), rejects);
        assertFalse(db.tableExists("strict_1"), "the table created for the file is rolled back with its rows");
        assertEquals(List.of(), Await.list(folders.outbox(), "strict-1"));
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
