package io.csvingest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.csvingest.support.Await;
import io.csvingest.support.Inbox;
import io.csvingest.support.TestDatabase;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole pipeline in-process against a real PostgreSQL: inbox CSV to rows, outbox and dead letter. */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_pipeline_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "camel.component.feed.inbox-dir=target/pipeline-test/inbox",
        "camel.component.feed.outbox-dir=target/pipeline-test/outbox",
        "camel.component.feed.deadletter-dir=target/pipeline-test/deadletter",
        "camel.component.feed.poll-delay=200",
        "camel.component.feed.read-lock-check-interval=500",
        "camel.component.feed.read-lock-min-age=1000",
        "camel.component.feed.batch-size=2"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final TestDatabase db = new TestDatabase("csv_ingest_pipeline_test");
    private final Inbox folders = new Inbox(Path.of("target/pipeline-test"));

    @BeforeAll
    void createDatabaseAndFolders() {
        db.create();
        folders.reset();
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @Test
    void should_load_dropped_csv_into_a_new_table_row_by_row_and_move_it_to_outbox() {
        folders.drop("sales.csv", """
                Order Id,Customer Name,amount,ordered_on,paid,note
                1, Alice ,12.50,2024-01-05,yes,"first, with comma"
                2,Bob,3,2024-01-06,no,"two
                lines"

                3,,7.25,,t,
                """);

        List<Path> moved = Await.dataFiles(folders.outbox(), "sales-", 1, TIMEOUT);

        assertTrue(moved.get(0).getFileName().toString().matches("sales-\\d{8}T\\d{6}\\.\\d{3}Z\\.csv"), moved.toString());
        assertEquals(List.of(), Await.list(folders.inbox(), "sales"));
        assertEquals(List.of(
                List.of("order_id", "bigint"), List.of("customer_name", "text"), List.of("amount", "numeric"),
                List.of("ordered_on", "date"), List.of("paid", "boolean"), List.of("note", "text")),
                db.rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'sales'"
                        + " ORDER BY ordinal_position"));
        assertEquals(List.of(
                List.of("1", "Alice", "12.50", "2024-01-05", "t", "first, with comma"),
                List.of("2", "Bob", "3", "2024-01-06", "f", "two\nlines"),
                java.util.Arrays.asList("3", null, "7.25", null, "t", null)),
                db.rows("SELECT * FROM sales ORDER BY order_id"));
    }

    @Test
    void should_load_a_slowly_written_file_once_and_complete() throws Exception {
        Path file = folders.inbox().resolve("slow.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,reading\n");
            for (int chunk = 0; chunk < 8; chunk++) {
                for (int i = 0; i < 50; i++) {
                    int id = chunk * 50 + i;
                    out.write(id + "," + (id * 0.5) + "\n");
                }
                out.flush();
                Thread.sleep(500); // the writer is slow on purpose: 8 chunks over 4 s
            }
        }

        Await.dataFiles(folders.outbox(), "slow-", 1, TIMEOUT);

        assertEquals(List.of(List.of("400", "0", "399", "79800")),
                db.rows("SELECT count(*), min(id), max(id), sum(id) FROM slow"));
        assertEquals(1, Await.dataFiles(folders.outbox(), "slow-").size());
        assertEquals(List.of(), Await.list(folders.deadLetter(), "slow"));
    }

    @Test
    void should_load_both_files_when_the_same_name_is_dropped_twice() {
        folders.drop("repeat.csv", "id,name\n1,first\n2,first\n");
        Await.dataFiles(folders.outbox(), "repeat-", 1, TIMEOUT);
        folders.drop("repeat.csv", "id,name\n3,second\n4,second\n");

        List<Path> moved = Await.dataFiles(folders.outbox(), "repeat-", 2, TIMEOUT);

        assertEquals(2, moved.size());
        assertTrue(Inbox.read(moved.get(0)).contains("first"));
        assertTrue(Inbox.read(moved.get(1)).contains("second"));
        assertEquals(List.of(List.of("1", "first"), List.of("2", "first"), List.of("3", "second"), List.of("4", "second")),
                db.rows("SELECT id, name FROM repeat ORDER BY id"));
    }

    @Test
    void should_move_malformed_file_to_deadletter_with_reason_and_never_to_outbox() {
        folders.drop("broken.csv", "id,comment\n1,fine\n2,\"never closed\n3,lost\n");

        List<Path> failed = Await.files(folders.deadLetter(), "broken-", 2, TIMEOUT);

        Path csv = failed.stream().filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
        assertTrue(failed.contains(Path.of(csv + ".reason.txt")), failed.toString());
        String reason = reasonIn(failed);
        assertTrue(reason.contains("unterminated quote"), reason);
        assertTrue(reason.contains("line 3"), reason);
        assertEquals(List.of(), Await.list(folders.outbox(), "broken"));
        assertEquals(List.of(), Await.list(folders.inbox(), "broken"));
    }

    @Test
    void should_quote_hostile_header_and_file_names_so_they_cannot_change_the_sql() {
        db.execute("CREATE TABLE x (keep int)");
        db.execute("INSERT INTO x VALUES (42)");
        folders.drop("x;drop.csv", "id; DROP TABLE x,\"a\"\"b\",\"c\"\"); DROP TABLE x; --\"\n1,2,3\n");
        folders.drop("y\"; DROP TABLE x; --.csv", "id\n7\n");

        Await.dataFiles(folders.outbox(), "x;drop-", 1, TIMEOUT);
        Await.dataFiles(folders.outbox(), "y\"; DROP TABLE x; ---", 1, TIMEOUT);

        assertEquals(List.of(List.of("42")), db.rows("SELECT keep FROM x"));
        assertEquals(List.of(List.of("id_drop_table_x"), List.of("a_b"), List.of("c_drop_table_x")),
                db.rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'x_drop' ORDER BY ordinal_position"));
        assertEquals(List.of(List.of("1", "2", "3")), db.rows("SELECT * FROM x_drop"));
        assertEquals(List.of(List.of("7")), db.rows("SELECT id FROM y_drop_table_x"));
    }

    @Test
    void should_add_a_column_the_existing_table_lacks_in_the_files_transaction() {
        db.execute("CREATE TABLE customers (id bigint, name text)");
        folders.drop("customers.csv", "id,name,email\n1,Ann,ann@example.com\n");

        Await.dataFiles(folders.outbox(), "customers-", 1, TIMEOUT);

        assertEquals(List.of(List.of("1", "Ann", "ann@example.com")), db.rows("SELECT id, name, email FROM customers"));
        assertEquals(List.of(), Await.list(folders.deadLetter(), "customers"));
    }

    @Test
    void should_load_into_an_existing_table_by_header_name_in_any_column_order() {
        db.execute("CREATE TABLE products (sku text PRIMARY KEY, price numeric(10,2), added timestamptz DEFAULT now())");
        folders.drop("products.csv", "Price,SKU\n9.99,A-1\n19.5,B-2\n");

        Await.dataFiles(folders.outbox(), "products-", 1, TIMEOUT);

        assertEquals(List.of(List.of("A-1", "9.99"), List.of("B-2", "19.50")),
                db.rows("SELECT sku, price FROM products ORDER BY sku"));
    }

    @Test
    void should_reject_a_value_that_does_not_fit_the_column_and_load_the_rest_of_the_file() {
        db.execute("CREATE TABLE readings (id bigint, value double precision)");
        folders.drop("readings.csv", "id,value\n1,0.5\n2,not-a-number\n3,1.5\n");

        Path loaded = Await.dataFiles(folders.outbox(), "readings-", 1, TIMEOUT).get(0);

        assertEquals(List.of(List.of("1", "0.5"), List.of("3", "1.5")), db.rows("SELECT id, value FROM readings ORDER BY id"));
        String rejects = Inbox.read(Path.of(loaded + ".rejects.csv"));
        assertEquals("line,column,reason,record\r\n3,value,'not-a-number' is not a number (column type double precision),"
                     + "\"2,not-a-number\"\r\n", rejects);
        assertEquals(List.of(), Await.list(folders.deadLetter(), "readings"));
    }

    @Test
    void should_leave_files_that_are_not_csv_or_still_being_written_in_the_inbox() {
        folders.drop("notes.txt", "id\n1\n");
        folders.drop("partial.csv.part", "id\n1\n");
        folders.drop("marker.csv", "id\n1\n");

        Await.dataFiles(folders.outbox(), "marker-", 1, TIMEOUT);

        assertEquals(2, Await.list(folders.inbox(), "notes.txt").size() + Await.list(folders.inbox(), "partial.csv.part").size());
        assertFalse(db.tableExists("notes"));
        assertFalse(db.tableExists("partial_csv"));
    }

    @Test
    void should_leave_nothing_of_a_file_that_fails_after_its_first_batches_and_load_it_once_when_retried() {
        StringBuilder csv = new StringBuilder("id,amount\n");
        for (int id = 1; id <= 1005; id++) {
            csv.append(id).append(',').append(id == 1003 ? "\"10030" : String.valueOf(id * 10)).append('\n');
        }
        // an unterminated quote on line 1004 makes the file unreadable from there on, after 501 batches of 2 rows
        folders.drop("late.csv", csv.toString());

        List<Path> failed = Await.files(folders.deadLetter(), "late-", 2, TIMEOUT);

        assertTrue(reasonIn(failed).contains("line 1004"), reasonIn(failed));
        assertFalse(db.tableExists("late"), "the table created for the file is rolled back with its rows");

        folders.drop("late.csv", csv.toString().replace("1003,\"10030", "1003,10030"));
        Await.dataFiles(folders.outbox(), "late-", 1, TIMEOUT);

        assertEquals(List.of(List.of("1005", "1005", "5055150")),
                db.rows("SELECT count(*), count(DISTINCT id), sum(amount) FROM late"));
    }

    @Test
    void should_dead_letter_an_empty_file_with_reason() {
        folders.drop("empty.csv", "");

        List<Path> failed = Await.files(folders.deadLetter(), "empty-", 2, TIMEOUT);

        assertTrue(reasonIn(failed).contains("empty.csv is empty"), reasonIn(failed));
        assertEquals(List.of(), Await.list(folders.inbox(), "empty"));
    }

    private static String reasonIn(List<Path> deadLetters) {
        return Inbox.read(deadLetters.stream().filter(f -> f.toString().endsWith(".reason.txt")).findFirst().orElseThrow());
    }
}
