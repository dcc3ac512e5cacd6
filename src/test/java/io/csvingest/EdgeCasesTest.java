package io.csvingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.csvingest.support.Await;
import io.csvingest.support.Inbox;
import io.csvingest.support.TestDatabase;
import io.csvingest.support.TestFeeds;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Published CSV edge cases (csv-spectrum, in {@code src/test/resources/csv-spectrum}, BSD-2-Clause) and the shapes
 * real spreadsheets and scripts write, dropped into a running service with the zero-config feed: for each, the exact
 * table (column names and types, every value) and where the file went.
 */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_edge_cases_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "feeds.dir=target/edge-cases-test/routes",
        "camel.component.feed.inbox-dir=target/edge-cases-test/inbox",
        "camel.component.feed.outbox-dir=target/edge-cases-test/outbox",
        "camel.component.feed.deadletter-dir=target/edge-cases-test/deadletter",
        "camel.component.feed.poll-delay=200",
        "camel.component.feed.read-lock-check-interval=300",
        "camel.component.feed.read-lock-min-age=500"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeCasesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path SPECTRUM = Path.of("src/test/resources/csv-spectrum");

    private final TestDatabase db = new TestDatabase("csv_ingest_edge_cases_test");
    private final Inbox folders = new Inbox(Path.of("target/edge-cases-test"));

    /** A file, the table it should fill (columns as {@code name type}, rows in file order, NULL as null). */
    private record Case(String file, String content, String table, List<String> columns, List<List<String>> rows) {
    }

    private final List<Case> spectrum = List.of(
            spectrum("comma_in_quotes", List.of("first text", "last text", "address text", "city text", "zip text"),
                    row("John", "Doe", "120 any st.", "Anytown, WW", "08123")),
            // csv-spectrum expects "" in b and c; ours are bigint columns (3 and 4 below), which read "" as NULL
            spectrum("empty", List.of("a bigint", "b bigint", "c bigint"), row("1", null, null), row("2", "3", "4")),
            spectrum("empty_crlf", List.of("a bigint", "b bigint", "c bigint"), row("1", null, null), row("2", "3", "4")),
            spectrum("escaped_quotes", List.of("a bigint", "b text"), row("1", "ha \"ha\" ha"), row("3", "4")),
            spectrum("json", List.of("key bigint", "val text"), row("1", "{\"type\": \"Point\", \"coordinates\": [102.0, 0.5]}")),
            // its JSON says 1234567890; the CSV holds 2095257564
            spectrum("location_coordinates", List.of("contact_phone_number bigint", "location_coordinates text", "cities text",
                    "counties text"), row("2095257564", "37\uFFFD36'37.8\"N 121\uFFFD2'17.9\"W", "Modesto", "Stanislaus")),
            spectrum("newlines", List.of("a text", "b bigint", "c bigint"),
                    row("1", "2", "3"), row("Once upon \na time", "5", "6"), row("7", "8", "9")),
            spectrum("newlines_crlf", List.of("a text", "b bigint", "c bigint"),
                    row("1", "2", "3"), row("Once upon \r\na time", "5", "6"), row("7", "8", "9")),
            spectrum("quotes_and_newlines", List.of("a bigint", "b text"), row("1", "ha \n\"ha\" \nha"), row("3", "4")),
            spectrum("simple", List.of("a bigint", "b bigint", "c bigint"), row("1", "2", "3")),
            spectrum("simple_crlf", List.of("a bigint", "b bigint", "c bigint"), row("1", "2", "3")),
            spectrum("utf8", List.of("a bigint", "b bigint", "c text"), row("1", "2", "3"), row("4", "5", "ʤ")));

    private final List<Case> shapes = List.of(
            // any script: letters and digits kept, lower-cased where the script has case
            new Case("данные.csv", "Имя,Возраст\nАнна,30\nБорис,41\n", "данные", List.of("имя text", "возраст bigint"),
                    List.of(row("Анна", "30"), row("Борис", "41"))),
            new Case("日本.csv", "id,名前,Όνομα\n1,東京,Αθήνα\n", "日本", List.of("id bigint", "名前 text", "όνομα text"),
                    List.of(row("1", "東京", "Αθήνα"))),
            // Excel's first line names the delimiter
            new Case("excel_sep.csv", "sep=;\r\nid;name\r\n1;a,b\r\n2;c\r\n", "excel_sep", List.of("id bigint", "name text"),
                    List.of(row("1", "a,b"), row("2", "c"))),
            // PostgreSQL's CSV rule: "" is an empty string, nothing is NULL; a bigint column reads "" as NULL
            new Case("quoted_empty.csv", "id,note,n\n1,\"\",\"\"\n2,,5\n", "quoted_empty",
                    List.of("id bigint", "note text", "n bigint"), List.of(row("1", "", null), row("2", null, "5"))),
            new Case("nulls-quoted.csv", "id,note\n1,\"\"\n2,\n", "nulls_quoted", List.of("id bigint", "note text"),
                    List.of(row("1", null), row("2", null))),
            // white space before an opening quote is padding (trim on); strict reading keeps it as written
            new Case("padded.csv", "id,v,w\n1, \"x,y\",z\n2, \"q\" ,r\n", "padded", List.of("id bigint", "v text", "w text"),
                    List.of(row("1", "x,y", "z"), row("2", "q", "r"))),
            new Case("strict-padded.csv", "id,v\n1, \"q\"\n", "strict_padded", List.of("id bigint", "v text"),
                    List.of(row("1", " \"q\""))),
            // inference never changes what a value says
            new Case("inference.csv", "grade,name,ratio,flag\nF,Nan,1e3,Y\nF,Bob,0.12345678901234567890,N\n", "inference",
                    List.of("grade text", "name text", "ratio numeric", "flag boolean"),
                    List.of(row("F", "Nan", "1000", "t"), row("F", "Bob", "0.12345678901234567890", "f"))));

    @BeforeAll
    void createDatabaseFoldersFeedsAndDropEveryFile() throws IOException {
        db.create();
        folders.reset();
        Path routes = Files.createDirectories(Path.of("target/edge-cases-test/routes"));
        Files.copy(Path.of("routes/zero-config.yaml"), routes.resolve("zero-config.yaml"));
        Files.writeString(routes.resolve("nulls.yaml"), TestFeeds.yaml("nulls", """
                include: "nulls-.*\\\\.csv"
                quotedEmptyAsNull: true
                """));
        Files.writeString(routes.resolve("ignoring.yaml"), TestFeeds.yaml("ignoring", """
                include: "ignoring-.*\\\\.csv"
                table: contacts_ignoring
                newColumns: ignore
                """));
        Files.writeString(routes.resolve("refusing.yaml"), TestFeeds.yaml("refusing", """
                include: "refusing-.*\\\\.csv"
                table: contacts_refusing
                newColumns: reject
                """));
        Files.writeString(routes.resolve("late.yaml"), TestFeeds.yaml("late", """
                include: "late-.*\\\\.csv"
                batchSize: 100
                """));
        Files.writeString(routes.resolve("late-insert.yaml"), TestFeeds.yaml("late-insert", """
                include: "lateinsert-.*\\\\.csv"
                batchSize: 100
                method: insert
                """));
        Files.writeString(routes.resolve("widening.yaml"), TestFeeds.yaml("widening", """
                include: "widening-.*\\\\.csv"
                table: widened_existing
                widen: true
                """));
        Files.writeString(routes.resolve("strict.yaml"), TestFeeds.yaml("strict", """
                include: "strict-.*\\\\.csv"
                trim: false
                """));
        for (Case c : all()) {
            folders.drop(c.file(), c.content());
        }
        folders.drop("header_only.csv", "id,name\n");
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @TestFactory
    Stream<DynamicTest> should_load_every_csv_spectrum_file_as_written() {
        return spectrum.stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> assertLoaded(c)));
    }

    @TestFactory
    Stream<DynamicTest> should_load_what_spreadsheets_and_scripts_write_as_their_authors_meant_it() {
        return shapes.stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> assertLoaded(c)));
    }

    @Test
    void should_move_a_header_only_file_to_the_outbox_and_create_no_table() {
        Await.dataFiles(folders.outbox(), "header_only-", 1, TIMEOUT);
        assertFalse(db.tableExists("header_only"));
        assertEquals(List.of(), Await.list(folders.deadLetter(), "header_only"));
    }

    @Test
    void should_add_a_later_files_new_columns_or_ignore_or_refuse_them_as_the_feed_says() {
        folders.drop("contacts.csv", "id,name\n1,Ann\n");
        for (String prefix : List.of("ignoring-", "refusing-")) {
            folders.drop(prefix + "1.csv", "id,name\n1,Ann\n");
        }
        Await.dataFiles(folders.outbox(), "contacts-", 1, TIMEOUT);
        Await.dataFiles(folders.outbox(), "ignoring-1-", 1, TIMEOUT);
        Await.dataFiles(folders.outbox(), "refusing-1-", 1, TIMEOUT);
        String later = "id,email,name\n2,bob@example.com,Bob\n3,,Cy\n";
        folders.drop("contacts.csv", later);
        for (String prefix : List.of("ignoring-", "refusing-")) {
            folders.drop(prefix + "2.csv", later);
        }

        Await.dataFiles(folders.outbox(), "contacts-", 2, TIMEOUT);
        assertEquals(List.of(List.of("id bigint"), List.of("name text"), List.of("email text")), db.rows(
                "SELECT column_name || ' ' || data_type FROM information_schema.columns WHERE table_name = 'contacts'"
                + " ORDER BY ordinal_position"), "the zero-config feed adds the column");
        assertEquals(List.of(row("1", "Ann", null), row("2", "Bob", "bob@example.com"), row("3", "Cy", null)),
                db.rows("SELECT * FROM contacts ORDER BY id"));
        Path ignored = Await.dataFiles(folders.outbox(), "ignoring-2-", 1, TIMEOUT).get(0);
        assertEquals(List.of(row("1", "Ann"), row("2", "Bob"), row("3", "Cy")),
                db.rows("SELECT * FROM contacts_ignoring ORDER BY id"));
        String report = Inbox.read(Path.of(ignored + ".report.json"));
        assertTrue(report.contains("\"columns\": {\"added\": [], \"widened\": [], \"ignored\": [\"email\"], \"ignoredValues\": 1}"),
                report);
        Path refused = Await.dataFiles(folders.deadLetter(), "refusing-2-", 1, TIMEOUT).get(0);
        Path reason = Path.of(refused + ".reason.txt");
        Await.until("the reason beside the file", TIMEOUT, () -> Files.exists(reason)
                                                               && Inbox.read(reason).contains("Table public.contacts_refusing has no column email"));
        assertEquals(List.of(row("1", "Ann")), db.rows("SELECT * FROM contacts_refusing"));
    }

    @Test
    void should_widen_a_column_for_a_late_value_that_does_not_fit_the_type_the_service_chose() {
        // 1,000 rows decide the types (bigint, bigint, date); later rows hold what does not fit, batches of 100
        StringBuilder csv = new StringBuilder("id,qty,day\n");
        for (int i = 1; i <= 1500; i++) {
            String qty = i == 1101 ? "1.5" : i == 1401 ? "abc" : String.valueOf(i);
            String day = i == 1201 ? "2026-12-03 10:15" : "2026-12-03";
            csv.append(i).append(',').append(qty).append(',').append(day).append('\n');
        }
        folders.drop("late-values.csv", csv.toString());
        folders.drop("lateinsert-values.csv", csv.toString());

        Path loaded = Await.dataFiles(folders.outbox(), "late-values-", 1, TIMEOUT).get(0);
        Await.dataFiles(folders.outbox(), "lateinsert-values-", 1, TIMEOUT);
        assertEquals(db.rows("SELECT * FROM late_values ORDER BY id"), db.rows("SELECT * FROM lateinsert_values ORDER BY id"),
                "INSERTs of one array per column widen alike");

        assertEquals(List.of("id bigint", "qty text", "day timestamp without time zone"), db.rows(
                "SELECT column_name || ' ' || data_type FROM information_schema.columns WHERE table_name = 'late_values'"
                + " ORDER BY ordinal_position").stream().map(r -> r.get(0)).toList());
        assertEquals(List.of(List.of("1500", "1500")), db.rows("SELECT count(*), count(qty) FROM late_values"));
        assertEquals(List.of(row("5", "2026-12-03 00:00:00"), row("1.5", "2026-12-03 00:00:00"), row("abc", "2026-12-03 00:00:00"),
                row("1500", "2026-12-03 00:00:00")),
                db.rows("SELECT qty, day FROM late_values WHERE id IN (5, 1101, 1401, 1500) ORDER BY id"));
        assertEquals(List.of(row("2026-12-03 10:15:00")), db.rows("SELECT day FROM late_values WHERE id = 1201"));
        String report = Inbox.read(Path.of(loaded + ".report.json"));
        assertTrue(report.contains("\"rejected\": 0"), report);
        assertTrue(report.contains("\"widened\": [\"qty bigint -> numeric\", \"day date -> timestamp\", \"qty numeric -> text\"]"), report);
    }

    @Test
    void should_widen_an_existing_table_only_when_the_feed_says_widen() {
        folders.drop("widening-1.csv", "id,v\n1,10\n");
        folders.drop("kept.csv", "id,v\n1,10\n");
        Await.dataFiles(folders.outbox(), "widening-1-", 1, TIMEOUT);
        Await.dataFiles(folders.outbox(), "kept-", 1, TIMEOUT);
        folders.drop("widening-2.csv", "id,v\n2,ten\n");
        folders.drop("kept.csv", "id,v\n2,ten\n3,30\n");

        Await.dataFiles(folders.outbox(), "widening-2-", 1, TIMEOUT);
        assertEquals(List.of(row("1", "10"), row("2", "ten")), db.rows("SELECT * FROM widened_existing ORDER BY id"));
        assertEquals(List.of(row("text")), db.rows("SELECT data_type FROM information_schema.columns"
                                                   + " WHERE table_name = 'widened_existing' AND column_name = 'v'"));
        List<Path> kept = Await.dataFiles(folders.outbox(), "kept-", 2, TIMEOUT);
        assertEquals(List.of(row("1", "10"), row("3", "30")), db.rows("SELECT * FROM kept ORDER BY id"),
                "a table that existed before the file keeps its types: the row is rejected");
        String rejects = Inbox.read(Path.of(kept.get(1) + ".rejects.csv"));
        assertTrue(rejects.contains("'ten' is not a whole number (column type bigint)"), rejects);
    }

    private void assertLoaded(Case c) {
        String stem = c.file().substring(0, c.file().lastIndexOf('.'));
        Await.dataFiles(folders.outbox(), stem + "-", 1, TIMEOUT);
        assertEquals(List.of(), Await.list(folders.deadLetter(), stem), "nothing dead-lettered");
        assertEquals(c.columns(), db.rows("SELECT column_name || ' ' || data_type FROM information_schema.columns"
                                          + " WHERE table_name = '" + c.table() + "' ORDER BY ordinal_position")
                .stream().map(r -> r.get(0)).toList());
        assertEquals(c.rows(), db.rows("SELECT * FROM \"" + c.table() + "\" ORDER BY ctid"));
    }

    private List<Case> all() {
        List<Case> all = new ArrayList<>(spectrum);
        all.addAll(shapes);
        return all;
    }

    private static Case spectrum(String name, List<String> columns, List<String>... rows) {
        try {
            return new Case(name + ".csv", Files.readString(SPECTRUM.resolve(name + ".csv")), name, columns, List.of(rows));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }
}
