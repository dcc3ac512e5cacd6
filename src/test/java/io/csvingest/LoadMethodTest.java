package io.csvingest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.csvingest.support.Await;
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

/** COPY (the default) and camel-sql INSERT load the same rows, reject the same rows and keep per-file atomicity. */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_method_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "feeds.dir=target/method-test/routes",
        "camel.component.feed.inbox-dir=target/method-test/inbox",
        "camel.component.feed.outbox-dir=target/method-test/outbox",
        "camel.component.feed.deadletter-dir=target/method-test/deadletter",
        "camel.component.feed.poll-delay=200",
        "camel.component.feed.read-lock-check-interval=200",
        "camel.component.feed.read-lock-min-age=400"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadMethodTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final TestDatabase db = new TestDatabase("csv_ingest_method_test");
    private final Inbox folders = new Inbox(Path.of("target/method-test"));
    private final LogCapture log = LogCapture.attach();

    @BeforeAll
    void createDatabaseFoldersAndFeeds() throws IOException {
        db.create();
        folders.reset();
        Path routes = Files.createDirectories(Path.of("target/method-test/routes"));
        Files.copy(Path.of("routes/zero-config.yaml"), routes.resolve("zero-config.yaml"));
        for (String method : List.of("copy", "insert")) {
            // small batches: a file spans many, so COPY's batch-ahead pipeline and its savepoints are exercised
            Files.writeString(routes.resolve("stock-" + method + ".yaml"), TestFeeds.yaml("stock-" + method, """
                    include: "stock-%s-.*\\\\.csv"
                    table: stock_%s
                    method: %s
                    batchSize: 7
                    """.formatted(method, method, method)));
        }
        Files.writeString(routes.resolve("texts-insert.yaml"), TestFeeds.yaml("texts-insert", """
                include: "texts-insert-.*\\\\.csv"
                table: texts_insert
                method: insert
                """));
        Files.writeString(routes.resolve("codes-insert.yaml"), TestFeeds.yaml("codes-insert", """
                include: "codes-insert-.*\\\\.csv"
                table: codes
                method: insert
                """));
        for (String method : List.of("copy", "insert")) {
            Files.writeString(routes.resolve("upsert-" + method + ".yaml"), TestFeeds.yaml("upsert-" + method, """
                    include: "upsert-%s-.*\\\\.csv"
                    table: upsert_%s
                    mode: upsert
                    keys: sku
                    method: %s
                    batchSize: 4
                    """.formatted(method, method, method)));
        }
        Files.writeString(routes.resolve("widen-upsert.yaml"), TestFeeds.yaml("widen-upsert", """
                include: "widen-upsert-.*\\\\.csv"
                mode: upsert
                keys: id
                batchSize: 100
                """));
        Files.writeString(routes.resolve("keyed.yaml"), TestFeeds.yaml("keyed", """
                include: "keyed-.*\\\\.csv"
                table: keyed
                mode: upsert
                keys: id
                """));
        // row steps that run SQL themselves, on the file's connection (Spring hands the step the file's transaction)
        Files.writeString(routes.resolve("looked-up.yaml"), TestFeeds.yaml("looked-up", """
                include: "looked-up-.*\\\\.csv"
                batchSize: 3
                rowSteps: direct:look-up
                """) + """
                - route:
                    id: look-up
                    description: test row steps that query the database
                    from:
                      uri: direct:look-up
                      steps:
                        - to:
                            uri: sql:select 1 as one
                """);
        Files.writeString(routes.resolve("strict.yaml"), TestFeeds.yaml("strict", """
                include: "strict-.*\\\\.csv"
                maxRejects: "3"
                batchSize: 5
                """));
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @Test
    void should_load_and_reject_exactly_the_same_rows_with_copy_and_with_insert() {
        String csv = stockFile();
        for (String method : List.of("copy", "insert")) {
            db.execute("CREATE TABLE stock_" + method + " (sku varchar(6) PRIMARY KEY, qty bigint CHECK (qty >= 0), note text NOT NULL)");
            folders.drop("stock-" + method + "-1.csv", csv);
        }

        Path copied = Await.dataFiles(folders.outbox(), "stock-copy-1-", 1, TIMEOUT).get(0);
        Path inserted = Await.dataFiles(folders.outbox(), "stock-insert-1-", 1, TIMEOUT).get(0);

        String rows = "SELECT sku, qty, note FROM %s ORDER BY sku";
        assertEquals(db.rows(rows.formatted("stock_insert")), db.rows(rows.formatted("stock_copy")));
        assertEquals(List.of(List.of("93", "4530")), db.rows("SELECT count(*), sum(qty) FROM stock_copy"));
        List<List<String>> rejects = rejects(copied);
        assertEquals(rejects(inserted).toString().replace("stock_insert", "stock_"),
                rejects.toString().replace("stock_copy", "stock_"), "the same rejects, reasons naming their own table");
        // refused rows in the first batch, in middle ones, two in one batch with a cleaning reject after them, one
        // in the next batch, and two in the very last (the tail COPY): all in line order
        assertEquals(List.of("2", "38", "39", "41", "46", "65", "100", "101"), rejects.stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("", "", "note", "", "", "note", "", ""), rejects.stream().map(r -> r.get(1)).toList());
        assertTrue(rejects.get(0).get(3).contains("violates check constraint \"stock_copy_qty_check\""), rejects.get(0).get(3));
        assertTrue(rejects.get(6).get(3).contains("duplicate key value violates unique constraint"), rejects.get(6).get(3));
        assertTrue(rejects.get(7).get(3).contains("value too long for type character varying(6)"), rejects.get(7).get(3));
        assertTrue(rejects.get(3).get(3).contains("has 2 fields but the header has 3 columns"), rejects.get(3).get(3));
        for (String method : List.of("copy", "insert")) {
            String counts = "stock-" + method + "-1.csv into table public.stock_" + method
                            + " (append): 101 rows read = 93 loaded + 8 rejected + 0 duplicates + 0 blank, 15 batches";
            Await.until("the summary line of " + method, TIMEOUT, () -> log.has("INFO", "Loaded " + counts));
        }
    }

    /** 101 rows: 6 the table refuses (negative qty, empty note, duplicate sku, long sku), 2 with a field short. */
    private static String stockFile() {
        StringBuilder csv = new StringBuilder("sku,qty,note\n");
        for (int i = 1; i <= 97; i++) {
            boolean negative = i == 1 || i == 37;
            boolean noNote = i == 38 || i == 64;
            if (i == 40 || i == 45) {
                csv.append("S-").append(i).append(',').append(i).append('\n'); // a field short: rejected by cleaning
                continue;
            }
            csv.append("S-").append(i).append(',').append(negative ? -5 : i).append(',').append(noNote ? "" : "n").append('\n');
        }
        csv.append("S-98,1,n\nS-10,99,n\nS-TOOLONG,1,n\nS-99,1,n\n");
        return csv.toString();
    }

    @Test
    void should_copy_and_insert_text_with_tabs_backslashes_quotes_braces_line_breaks_and_any_script_exactly() {
        // insert sends a batch as one array literal per column: quotes, backslashes, braces and commas must survive it
        String csv = "id,note\n1,\"tab\there\"\n2,back\\slash\n3,\\N\n4,\"two\nlines\"\n"
                     + "5,Müller 日本 😀\n6,\n7,\"\\t is not a tab\"\n8,\"say \"\"hi\"\", {x}\"\n9,a\\\"b}\n";
        folders.drop("texts.csv", csv);
        folders.drop("texts-insert-1.csv", csv);

        Await.dataFiles(folders.outbox(), "texts-", 2, TIMEOUT);

        List<List<String>> expected = List.of(List.of("1", "tab\there"), List.of("2", "back\\slash"), List.of("3", "\\N"),
                List.of("4", "two\nlines"), List.of("5", "Müller 日本 😀"), List.of("6", "NULL"),
                List.of("7", "\\t is not a tab"), List.of("8", "say \"hi\", {x}"), List.of("9", "a\\\"b}"));
        assertEquals(expected, db.rows("SELECT id, coalesce(note, 'NULL') FROM texts ORDER BY id"));
        assertEquals(expected, db.rows("SELECT id, coalesce(note, 'NULL') FROM texts_insert ORDER BY id"));
    }

    @Test
    void should_insert_fixed_length_and_typmod_columns_as_copy_would_without_cutting_values_short() {
        // a batch's values go as one array per column: cast to char(1) or bit(1) they would be cut short silently
        db.execute("CREATE TABLE codes (code char(3), flags bit(4), amount numeric(5,1))");
        folders.drop("codes-insert-1.csv", "code,flags,amount\nABC,1010,1.25\nAB,0001,2\nABCD,1111,3\nXYZ,11,4\n");

        Path loaded = Await.dataFiles(folders.outbox(), "codes-insert-1-", 1, TIMEOUT).get(0);

        assertEquals(List.of(List.of("ABC", "1010", "1.3"), List.of("AB ", "0001", "2.0")),
                db.rows("SELECT code, flags::text, amount FROM codes ORDER BY code DESC"));
        List<List<String>> rejects = rejects(loaded);
        assertEquals(List.of("4", "5"), rejects.stream().map(r -> r.get(0)).toList());
        assertTrue(rejects.get(0).get(3).contains("value too long for type character(3)"), rejects.get(0).get(3));
        assertTrue(rejects.get(1).get(3).contains("bit string length 2 does not match type bit(4)"), rejects.get(1).get(3));
    }

    @Test
    void should_upsert_by_copy_through_a_staging_table_exactly_as_by_insert() {
        for (String method : List.of("copy", "insert")) {
            db.execute("CREATE TABLE upsert_" + method + " (sku text PRIMARY KEY, qty bigint CHECK (qty >= 0), note text NOT NULL)");
            db.execute("INSERT INTO upsert_" + method + " VALUES ('A', 1, 'old a'), ('B', 2, 'old b'), ('K', 3, 'old k')");
            // which statements wrote into the table: the staged merge reads pg_temp.csv_ingest_stage, INSERT unnest(...)
            db.execute("CREATE TABLE writes_" + method + " (query text)");
            db.execute("CREATE FUNCTION log_" + method + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                       + " INSERT INTO writes_" + method + " VALUES (current_query()); RETURN NULL; END $$");
            db.execute("CREATE TRIGGER log_writes AFTER INSERT ON upsert_" + method
                       + " FOR EACH STATEMENT EXECUTE FUNCTION log_" + method + "()");
        }
        // batches of 4: A updated twice in one batch (last row wins), B in the first batch and again in the third,
        // a CHECK and a NOT NULL the database refuses (rejected with its reason), a value the cleaner refuses
        String csv = """
                sku,qty,note
                A,10,first a
                B,20,first b
                A,11,second a
                C,-1,refused by the check
                D,40,new d
                E,x,not a number
                F,60,
                G,70,new g
                B,21,second b
                H,80,new h
                """;
        for (String method : List.of("copy", "insert")) {
            folders.drop("upsert-" + method + "-1.csv", csv);
        }

        Path copied = Await.dataFiles(folders.outbox(), "upsert-copy-1-", 1, TIMEOUT).get(0);
        Path inserted = Await.dataFiles(folders.outbox(), "upsert-insert-1-", 1, TIMEOUT).get(0);

        String rows = "SELECT sku, qty, note FROM %s ORDER BY sku";
        assertEquals(List.of(List.of("A", "11", "second a"), List.of("B", "21", "second b"), List.of("D", "40", "new d"),
                List.of("G", "70", "new g"), List.of("H", "80", "new h"), List.of("K", "3", "old k")), db.rows(rows.formatted("upsert_copy")));
        assertEquals(db.rows(rows.formatted("upsert_insert")), db.rows(rows.formatted("upsert_copy")));
        assertEquals(rejects(inserted).toString().replace("upsert_insert", "upsert_copy"), rejects(copied).toString());
        List<List<String>> rejects = rejects(copied);
        assertEquals(List.of("5", "7", "8"), rejects.stream().map(r -> r.get(0)).toList());
        assertTrue(rejects.get(0).get(3).contains("violates check constraint"), rejects.get(0).get(3));
        assertTrue(rejects.get(2).get(3).contains("null value in column \"note\""), rejects.get(2).get(3));
        for (String method : List.of("copy", "insert")) {
            Await.until("the summary line", TIMEOUT, () -> log.has("INFO", "Loaded upsert-" + method + "-1.csv into table"
                    + " public.upsert_" + method + " (upsert): 10 rows read = 6 loaded + 3 rejected + 1 duplicates + 0 blank"));
        }
        List<String> staged = db.rows("SELECT query FROM writes_copy").stream().map(r -> r.get(0)).toList();
        assertFalse(staged.isEmpty());
        assertTrue(staged.stream().anyMatch(q -> q.contains("FROM pg_temp.csv_ingest_stage ON CONFLICT")), staged.toString());
        assertTrue(db.rows("SELECT query FROM writes_insert").stream().allMatch(r -> r.get(0).contains("unnest(")));
    }

    @Test
    void should_widen_a_column_in_the_table_and_its_stage_when_an_upsert_by_copy_meets_a_value_that_does_not_fit() {
        StringBuilder csv = new StringBuilder("id,qty\n");
        for (int id = 1; id <= 1200; id++) {
            csv.append(id).append(',').append(id == 1150 ? "2.5" : String.valueOf(id)).append('\n');
        }
        csv.append("7,70\n");
        folders.drop("widen-upsert-1.csv", csv.toString());

        Await.dataFiles(folders.outbox(), "widen-upsert-1-", 1, TIMEOUT);

        assertEquals(List.of(List.of("numeric")), db.rows("SELECT data_type FROM information_schema.columns"
                                                          + " WHERE table_name = 'widen_upsert_1' AND column_name = 'qty'"));
        assertEquals(List.of(List.of("1200", "2.5", "70")), db.rows("SELECT count(*), (SELECT qty FROM widen_upsert_1 WHERE id = 1150),"
                                                                    + " (SELECT qty FROM widen_upsert_1 WHERE id = 7) FROM widen_upsert_1"));
    }

    @Test
    void should_leave_rows_without_a_key_to_the_database_in_an_upsert_not_count_them_as_each_others_duplicates() {
        db.execute("CREATE TABLE keyed (id bigint PRIMARY KEY, v text)");
        folders.drop("keyed-1.csv", "id,v\n,a\n,b\n1,c\n1,d\n");

        Path loaded = Await.dataFiles(folders.outbox(), "keyed-1-", 1, TIMEOUT).get(0);

        assertEquals(List.of(List.of("1", "d")), db.rows("SELECT id, v FROM keyed"));
        Await.until("the summary line", TIMEOUT, () -> log.has("INFO", "Loaded keyed-1.csv into table public.keyed (upsert): 4 rows"
                                                                 + " read = 1 loaded + 2 rejected + 1 duplicates + 0 blank"));
        List<List<String>> rejects = rejects(loaded);
        assertEquals(List.of("2", "3"), rejects.stream().map(r -> r.get(0)).toList());
        assertTrue(rejects.get(1).get(3).contains("null value in column \"id\""), rejects.get(1).get(3));
    }

    @Test
    void should_roll_back_everything_when_a_file_fails_while_a_copy_is_open_and_load_the_next_file() {
        StringBuilder csv = new StringBuilder("id,qty\n");
        for (int i = 1; i <= 20; i++) {
            csv.append(i).append(i > 10 && i <= 14 ? "\n" : "," + i + "\n");
        }
        folders.drop("strict-1.csv", csv.toString());

        List<Path> failed = Await.files(folders.deadLetter(), "strict-1-", 3, TIMEOUT);

        String reason = Inbox.read(failed.stream().filter(f -> f.toString().endsWith(".reason.txt")).findFirst().orElseThrow());
        // rejects are recorded when their batch's COPY ends, one batch later: the last batch's COPY is still open
        assertTrue(reason.contains("4 of 20 rows read so far were rejected, more than the feed's maxRejects (3)"), reason);
        assertFalse(db.tableExists("strict_1"), "the table and the rows copied before the failure are rolled back");

        folders.drop("strict-2.csv", "id,qty\n1,1\n2,2\n");
        Await.dataFiles(folders.outbox(), "strict-2-", 1, TIMEOUT);
        assertEquals(List.of(List.of("2", "3")), db.rows("SELECT count(*), sum(qty) FROM strict_2"));
    }

    @Test
    void should_roll_back_a_file_that_grew_while_it_loaded_and_load_it_whole_once_it_stops() throws Exception {
        // a writer that keeps its file open (a slow copy) and pauses longer than the read lock's minimum age
        Path file = folders.inbox().resolve("grow.csv");
        try (java.io.Writer writer = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            writer.write("id,x\n");
            for (int i = 1; i <= 400_000; i++) {
                writer.write(i + "," + (i % 977) + "\n");
            }
            writer.flush();
            Await.until("the load of grow.csv to start", TIMEOUT, () -> log.has("INFO", "Loading grow.csv"));
            // ... then goes on writing, into the file the service moved out of the inbox to load it
            writer.write("400001,1\n400002,2\n");
        }

        Await.until("the rolled-back attempt", TIMEOUT, () -> log.has("WARN", "Not loading grow.csv now: grow.csv changed while it was being loaded"));
        Await.dataFiles(folders.outbox(), "grow-", 1, TIMEOUT);
        assertEquals(List.of(List.of("400002", "400002")), db.rows("SELECT count(*), count(DISTINCT id) FROM grow"));
        assertEquals(List.of(List.of("interrupted", "1"), List.of("loaded", "1")), db.rows(
                "SELECT status, count(*) FROM csv_ingest_ledger WHERE file_name = 'grow.csv' GROUP BY status ORDER BY status"));
    }

    @Test
    void should_let_row_steps_query_the_database_while_the_file_loads_with_copy() {
        folders.drop("looked-up-1.csv", "id,x\n1,a\n2,b\n3,c\n4,d\n5,e\n6,f\n7,g\n");

        Await.dataFiles(folders.outbox(), "looked-up-1-", 1, TIMEOUT);

        assertEquals(List.of(List.of("7", "28")), db.rows("SELECT count(*), sum(id) FROM looked_up_1"));
    }

    @Test
    void should_load_a_table_with_rules_through_insert_since_copy_ignores_rules() {
        db.execute("CREATE TABLE audited (id bigint, x text)");
        db.execute("CREATE TABLE audit_log (id bigint)");
        db.execute("CREATE RULE log_insert AS ON INSERT TO audited DO ALSO INSERT INTO audit_log VALUES (NEW.id)");
        folders.drop("audited.csv", "id,x\n1,a\n2,b\n3,c\n");

        Await.dataFiles(folders.outbox(), "audited-", 1, TIMEOUT);

        assertEquals(List.of(List.of("3")), db.rows("SELECT count(*) FROM audited"));
        assertEquals(List.of(List.of("3", "6")), db.rows("SELECT count(*), sum(id) FROM audit_log"), "the rule ran for every row");
    }

    private static List<List<String>> rejects(Path loaded) {
        try {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(Inbox.read(Path.of(loaded + ".rejects.csv")))).getRecords();
            return records.stream().map(r -> List.of(r.get("line"), r.get("column"), r.get("record"), r.get("reason"))).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
