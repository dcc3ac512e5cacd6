package io.csvingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import io.csvingest.support.Await;
import io.csvingest.support.Inbox;
import io.csvingest.support.TestDatabase;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV dialects a user drops: delimiters, charsets, BOM, CRLF and gzip, each loading the same rows. */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_dialect_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "feeds.dir=target/dialect-test/routes",
        "camel.component.feed.inbox-dir=target/dialect-test/inbox",
        "camel.component.feed.outbox-dir=target/dialect-test/outbox",
        "camel.component.feed.deadletter-dir=target/dialect-test/deadletter",
        "camel.component.feed.poll-delay=200",
        "camel.component.feed.read-lock-check-interval=300",
        "camel.component.feed.read-lock-min-age=500"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialectTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The rows every dialect file holds, as the table must show them. */
    private static final List<List<String>> ROWS = List.of(
            List.of("1", "Zoë, \"the\" first", "2.5"), List.of("2", "plain", "-1"), List.of("3", "Ærø; | tab", "1000.125"));

    private final TestDatabase db = new TestDatabase("csv_ingest_dialect_test");
    private final Inbox folders = new Inbox(Path.of("target/dialect-test"));

    @BeforeAll
    void createDatabaseFoldersAndFeeds() throws IOException {
        db.create();
        folders.reset();
        Path routes = Files.createDirectories(Path.of("target/dialect-test/routes"));
        Files.copy(Path.of("routes/zero-config.yaml"), routes.resolve("zero-config.yaml"));
        RejectsTest.feed(routes, "legacy", """
                include: "legacy-.*\\\\.csv"
                charset: windows-1252
                delimiter: ";"
                decimalSeparator: ","
                thousandsSeparator: "."
                dateFormat: dd/MM/yyyy
                """);
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    /** The test rows written with a delimiter, quoting what needs quotes, ending lines with {@code newline}. */
    private static String csv(char delimiter, String newline) {
        StringBuilder out = new StringBuilder("Id" + delimiter + "Name" + delimiter + "Value" + newline);
        for (List<String> row : ROWS) {
            for (int i = 0; i < row.size(); i++) {
                String value = row.get(i);
                boolean quote = value.indexOf(delimiter) >= 0 || value.contains("\"") || value.contains(",");
                out.append(i > 0 ? String.valueOf(delimiter) : "")
                        .append(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
            }
            out.append(newline);
        }
        return out.toString();
    }

    private List<List<String>> loaded(String table) {
        return db.rows("SELECT id, name, value FROM " + table + " ORDER BY id");
    }

    @Test
    void should_detect_semicolon_tab_and_pipe_delimiters_from_the_header_line() {
        folders.drop("semicolon.csv", csv(';', "\n"));
        folders.drop("tabbed.csv", csv('\t', "\n"));
        folders.drop("piped.csv", csv('|', "\n"));

        Await.dataFiles(folders.outbox(), "semicolon-", 1, TIMEOUT);
        Await.dataFiles(folders.outbox(), "tabbed-", 1, TIMEOUT);
        Await.dataFiles(folders.outbox(), "piped-", 1, TIMEOUT);

        assertEquals(ROWS, loaded("semicolon"));
        assertEquals(ROWS, loaded("tabbed"));
        assertEquals(ROWS, loaded("piped"));
        assertTrue(Inbox.read(Await.files(folders.outbox(), "piped-", 2, TIMEOUT).get(1)).contains("\"delimiter\": \"|\""));
    }

    @Test
    void should_skip_a_utf8_bom_and_read_crlf_line_ends() throws IOException {
        byte[] text = csv(',', "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        dropBytes("bom_crlf.csv", withBom);

        Await.dataFiles(folders.outbox(), "bom_crlf-", 1, TIMEOUT);

        assertEquals(ROWS, loaded("bom_crlf"));
        assertEquals(List.of(List.of("id")), db.rows("SELECT column_name FROM information_schema.columns"
                                                     + " WHERE table_name = 'bom_crlf' AND ordinal_position = 1"));
    }

    @Test
    void should_load_a_gzipped_file_exactly_like_its_plain_twin() throws IOException {
        String plain = csv(',', "\n");
        folders.drop("twin.csv", plain);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain.getBytes(StandardCharsets.UTF_8));
        }
        dropBytes("twin_gz.csv.gz", gz.toByteArray());

        Await.dataFiles(folders.outbox(), "twin-", 1, TIMEOUT);
        Await.dataFiles(folders.outbox(), "twin_gz-", 1, TIMEOUT);

        assertEquals(ROWS, loaded("twin"));
        assertEquals(loaded("twin"), loaded("twin_gz"));
        assertTrue(Await.dataFiles(folders.outbox(), "twin_gz-").get(0).toString().endsWith(".csv.gz"));
    }

    @Test
    void should_read_a_feeds_charset_separators_and_date_format() throws IOException {
        String legacy = "Id;Name;Price;Day\n1;Café crème;1.234,50;22/11/2026\n2;Œuvre – 5 €;0,99;01/02/2026\n";
        dropBytes("legacy-1.csv", legacy.getBytes(Charset.forName("windows-1252")));

        Await.dataFiles(folders.outbox(), "legacy-1-", 1, TIMEOUT);

        assertEquals(List.of(List.of("1", "Café crème", "1234.50", "2026-11-22"), List.of("2", "Œuvre – 5 €", "0.99", "2026-02-01")),
                db.rows("SELECT id, name, price, day FROM legacy_1 ORDER BY id"));
        assertEquals(List.of(List.of("numeric"), List.of("date")), db.rows("SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'legacy_1' AND column_name IN ('price', 'day') ORDER BY column_name DESC"));
    }

    @Test
    void should_dead_letter_a_file_in_another_charset_than_its_feeds_with_a_hint() {
        dropBytes("latin.csv", "id,name\n1,Café\n".getBytes(Charset.forName("windows-1252")));

        List<Path> failed = Await.files(folders.deadLetter(), "latin-", 2, TIMEOUT);

        String reason = Inbox.read(failed.stream().filter(f -> f.toString().endsWith(".reason.txt")).findFirst().orElseThrow());
        assertTrue(reason.contains("latin.csv is not valid UTF-8 text (line 2, column name)") && reason.contains("charset: windows-1252"),
                reason);
    }

    private void dropBytes(String name, byte[] content) {
        try {
            Path staged = folders.root().resolve(".staging-" + name);
            Files.write(staged, content);
            Files.move(staged, folders.inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
