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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dry run: a file dropped into check/ is read, cleaned and typed as its feed would load it; no table changes. */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_check_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "feeds.dir=target/check-test/routes",
        "camel.component.feed.inbox-dir=target/check-test/inbox",
        "camel.component.feed.outbox-dir=target/check-test/outbox",
        "camel.component.feed.deadletter-dir=target/check-test/deadletter",
        "camel.component.feed.poll-delay=200",
        "camel.component.feed.read-lock-check-interval=200",
        "camel.component.feed.read-lock-min-age=400"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final TestDatabase db = new TestDatabase("csv_ingest_check_test");
    private final Inbox folders = new Inbox(Path.of("target/check-test"));
    private final Path check = Path.of("target/check-test/check");
    private final LogCapture log = LogCapture.attach();

    @BeforeAll
    void createDatabaseFoldersAndFeeds() throws IOException {
        db.create();
        folders.reset();
        Path routes = Files.createDirectories(Path.of("target/check-test/routes"));
        Files.copy(Path.of("routes/zero-config.yaml"), routes.resolve("zero-config.yaml"));
        Files.writeString(routes.resolve("readings.yaml"), TestFeeds.yaml("readings", """
                include: "readings-.*\\\\.csv"
                table: readings
                columns: "id=id:bigint, temp=temp:numeric, taken=taken:date"
                """));
        Files.writeString(routes.resolve("tagged.yaml"), TestFeeds.yaml("tagged", """
                include: "tagged-.*\\\\.csv"
                table: wide
                lineage: "load, line"
                """));
        db.execute("CREATE TABLE readings (id bigint PRIMARY KEY, temp numeric, taken date)");
        db.execute("INSERT INTO readings VALUES (1, 20.5, '2026-12-01')");
        db.execute("CREATE TABLE wide (id bigint, note text)");
        db.execute("INSERT INTO wide VALUES (1, 'kept')");
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @Test
    void should_check_a_clean_file_without_creating_its_table() throws IOException {
        String before = everyTable();

        String json = checkAndAwait("fresh.csv", "id,name,amount\n1,Ann,1.50\n2,Bob,2.25\n3,Chloé,3\n");

        assertTrue(json.contains("\"feed\": \"zero-config\"") && json.contains("\"table\": \"public.fresh\"")
                   && json.contains("\"tableExists\": false") && json.contains("\"wouldLoad\": true"), json);
        assertTrue(json.contains("\"rows\": {\"read\": 3, \"wouldLoad\": 3, \"wouldReject\": 0, \"duplicates\": 0, \"blank\": 0}"), json);
        assertTrue(json.contains("{\"name\": \"id\", \"type\": \"bigint\", \"samples\": [\"1\", \"2\", \"3\"]}")
                   && json.contains("{\"name\": \"name\", \"type\": \"text\", \"samples\": [\"Ann\", \"Bob\", \"Chloé\"]}"), json);
        assertTrue(json.contains("\"delimiter\": \",\", \"charset\": \"UTF-8\", \"bom\": false, \"sepLine\": false"), json);
        String sql = Inbox.read(check.resolve("fresh.csv.check.sql"));
        assertTrue(sql.contains("CREATE TABLE IF NOT EXISTS \"public\".\"fresh\" (\"id\" bigint, \"name\" text, \"amount\" numeric);"), sql);
        assertFalse(db.tableExists("fresh"), "no table is created");
        assertEquals(before, everyTable());
        assertEquals(1, Await.list(check.resolve("checked"), "fresh-").size(), "the file is set aside as checked");
        Await.until("the log line", TIMEOUT, () -> log.has("INFO", "Checked fresh.csv: 3 rows read = 3 would load + 0 would be rejected"));
    }

    @Test
    void should_check_a_dirty_file_listing_its_rejects_with_line_column_and_reason() throws IOException {
        String before = everyTable();

        String json = checkAndAwait("readings-dirty.csv",
                "\uFEFFid,temp,taken\n2,21.5,2026-12-02\n3,warm,2026-12-03\n\n4,22,yesterday\n2,21.5,2026-12-02\n5,23,2026-12-05\n");

        assertTrue(json.contains("\"feed\": \"readings\"") && json.contains("\"tableExists\": true")
                   && json.contains("\"bom\": true") && json.contains("\"ddl\": []"), json);
        assertTrue(json.contains("\"rows\": {\"read\": 6, \"wouldLoad\": 2, \"wouldReject\": 2, \"duplicates\": 1, \"blank\": 1}"), json);
        assertTrue(json.contains("{\"line\": 3, \"column\": \"temp\", \"reason\": ") && json.contains("{\"line\": 5, \"column\": \"taken\""), json);
        assertTrue(Inbox.read(check.resolve("readings-dirty.csv.check.sql")).contains("-- nothing: table public.readings exists"));
        assertEquals(before, everyTable(), "the table's rows are as they were");
    }

    @Test
    void should_write_down_the_columns_a_file_would_add_and_the_widening_it_would_make() throws IOException {
        db.execute("CREATE TABLE IF NOT EXISTS widening (id bigint, code bigint)");
        String before = everyTable();
        StringBuilder widening = new StringBuilder("id,code,extra\n");
        for (int i = 1; i <= 1500; i++) {
            widening.append(i).append(',').append(i == 1200 ? "A-7" : String.valueOf(i)).append(",x\n");
        }

        String json = checkAndAwait("widening.csv", widening.toString());

        String sql = Inbox.read(check.resolve("widening.csv.check.sql"));
        assertTrue(sql.contains("ALTER TABLE \"public\".\"widening\" ADD COLUMN IF NOT EXISTS \"extra\" text;"), sql);
        assertTrue(json.contains("\"wouldReject\": 1"), "an existing table's column does not widen unless the feed says so: " + json);
        assertTrue(json.contains("\"column\": \"code\""), json);
        assertEquals(before, everyTable(), "no column was added");

        // a table the file would create: its inferred column widens for the late value, as a load would, on paper
        String created = checkAndAwait("widened.csv", widening.toString());
        String createdSql = Inbox.read(check.resolve("widened.csv.check.sql"));
        assertTrue(createdSql.contains("CREATE TABLE IF NOT EXISTS \"public\".\"widened\" (\"id\" bigint, \"code\" bigint, \"extra\" text);")
                   && createdSql.contains("ALTER TABLE \"public\".\"widened\" ALTER COLUMN \"code\" TYPE text USING \"code\"::text;"), createdSql);
        assertTrue(created.contains("\"wouldReject\": 0") && created.contains("{\"name\": \"code\", \"type\": \"text\""), created);
        assertFalse(db.tableExists("widened"));
        assertEquals(before, everyTable());
    }

    @Test
    void should_write_down_the_lineage_columns_a_feed_would_add() throws IOException {
        String before = everyTable();

        String json = checkAndAwait("tagged-1.csv", "id,note\n2,new\n");

        String sql = Inbox.read(check.resolve("tagged-1.csv.check.sql"));
        assertTrue(sql.contains("ALTER TABLE \"public\".\"wide\" ADD COLUMN IF NOT EXISTS \"_load_id\" bigint;")
                   && sql.contains("ADD COLUMN IF NOT EXISTS \"_source_line\" bigint;"), sql);
        assertTrue(json.contains("\"wouldLoad\": 1"), json);
        assertEquals(before, everyTable());
    }

    @Test
    void should_check_a_file_with_a_non_latin_name_and_say_why_an_empty_file_would_not_load() throws IOException {
        String before = everyTable();

        String named = checkAndAwait("заказы 日本.csv", "номер,сумма\n1,2.5\n");
        String empty = checkAndAwait("empty.csv", "");

        assertTrue(named.contains("\"file\": \"заказы 日本.csv\"") && named.contains("\"feed\": \"zero-config\"")
                   && named.contains("\"wouldLoad\": 1") && named.contains("\"name\": \"номер\""), named);
        assertTrue(empty.contains("\"wouldLoad\": false") && empty.contains("\"problem\": \""), empty);
        assertEquals(before, everyTable(), "neither created a table");
    }

    @Test
    void should_say_that_no_feed_takes_a_file_and_change_nothing() throws IOException {
        String before = everyTable();

        String json = checkAndAwait("notes.txt", "id,note\n1,a\n");

        assertTrue(json.contains("\"feed\": null") && json.contains("\"wouldLoad\": false")
                   && json.contains("no feed takes notes.txt"), json);
        assertEquals(before, everyTable());
    }

    /** Moves the file into the check folder as a user would and waits for its report; the report. */
    private String checkAndAwait(String name, String content) throws IOException {
        Path staged = Files.createDirectories(check.resolveSibling("check-staging")).resolve(name);
        Files.writeString(staged, content);
        Files.createDirectories(check);
        Files.move(staged, check.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        Path report = check.resolve(name + ".check.json");
        Await.until(name + ".check.json", TIMEOUT, () -> Files.exists(report) && Files.exists(check.resolve(name + ".check.sql")));
        return Inbox.read(report);
    }

    /**
     * Every table of the database (the service's ledger too, once migrated), its columns and a checksum of its
     * rows: what a check must leave as it was.
     */
    private String everyTable() {
        // the ledger brought up to date first (the gate opens after its migrations)
        Await.until("the service's ledger", TIMEOUT, () -> log.has("INFO", "Database answers"));
        return db.rows("SELECT t.table_schema, t.table_name,"
                       + " (SELECT string_agg(c.column_name || ' ' || c.data_type, ', ' ORDER BY c.ordinal_position)"
                       + "  FROM information_schema.columns c WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name),"
                       + " md5(query_to_xml(format('SELECT * FROM %I.%I ORDER BY 1', t.table_schema, t.table_name), false, false, '')::text)"
                       + " FROM information_schema.tables t WHERE t.table_schema NOT IN ('pg_catalog', 'information_schema')"
                       + " ORDER BY 1, 2").toString();
    }
}
