package io.csvingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

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

/** The shipped example feeds (upsert, replace, subfolder, column mapping, row steps) and the overlap rule. */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_options_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "feeds.dir=target/options-test/routes",
        "camel.component.feed.inbox-dir=target/options-test/inbox",
        "camel.component.feed.outbox-dir=target/options-test/outbox",
        "camel.component.feed.deadletter-dir=target/options-test/deadletter",
        "camel.component.feed.poll-delay=200",
        "camel.component.feed.read-lock-check-interval=300",
        "camel.component.feed.read-lock-min-age=500",
        "camel.component.feed.batch-size=2"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedOptionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TestDatabase db = new TestDatabase("csv_ingest_options_test");
    private final Inbox folders = new Inbox(Path.of("target/options-test"));
    private final LogCapture log = LogCapture.attach();

    @BeforeAll
    void createDatabaseFoldersAndFeeds() throws IOException {
        db.create();
        folders.reset();
        Path routes = Files.createDirectories(Path.of("target/options-test/routes"));
        try (Stream<Path> shipped = Files.list(Path.of("routes"))) {
            for (Path feed : shipped.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(feed, routes.resolve(feed.getFileName()));
            }
        }
        for (String name : List.of("dup-a", "dup-b")) {
            Files.writeString(routes.resolve(name + ".yaml"), TestFeeds.yaml(name, "include: \"both-.*\\\\.csv\""));
        }
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @Test
    void should_upsert_orders_on_order_id_with_typed_mapped_columns_and_row_steps() throws IOException {
        folders.drop("orders-2026-11-22.csv", Files.readString(Path.of("samples/orders-2026-11-22.csv")));
        Await.dataFiles(folders.outbox(), "orders-2026-11-22-", 1, TIMEOUT);

        assertEquals(List.of(
                List.of("5001", "Alice Martin", "FR", "129.90", "paid"),
                List.of("5002", "Bob Chen", "US", "15.00", "pending"),
                List.of("5004", "Chloé Dubois", "BE", "842.15", "paid")),
                db.rows("SELECT order_id, customer, country, total, status FROM orders ORDER BY order_id"));
        assertEquals(List.of(List.of("order_id", "bigint"), List.of("ordered_at", "timestamp with time zone"),
                        List.of("total", "numeric")),
                db.rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders'"
                        + " AND column_name IN ('order_id', 'total', 'ordered_at') ORDER BY column_name"));
        assertTrue(log.has("Loaded orders-2026-11-22.csv into table public.orders (upsert): 4 rows read = 3 loaded + 0 rejected"
                           + " + 0 duplicates + 0 blank + 1 filtered,"), String.valueOf(log.matching("Loaded orders")));
        assertFalse(db.tableExists("orders_2026_11_22"), "the zero-config feed must not take a file the orders feed takes");

        folders.drop("orders-2026-11-22-fix.csv", """
                Order ID,Customer,Country,Total,Ordered At,Status
                5002,Bob Chen,us,17.50,2026-11-22T09:20:00-05:00,pending
                5002,Bob Chen,us,17.50,2026-11-22T09:20:00-05:00,paid
                5001,Alice Martin,fr,139.90,2026-11-22T09:15:00+01:00,paid
                """);
        Await.dataFiles(folders.outbox(), "orders-2026-11-22-fix-", 1, TIMEOUT);

        // same keys again: the rows are updated in place, the count stays 3, the later row of a key wins
        assertEquals(List.of(
                List.of("5001", "139.90", "paid"), List.of("5002", "17.50", "paid"), List.of("5004", "842.15", "paid")),
                db.rows("SELECT order_id, total, status FROM orders ORDER BY order_id"));
        assertTrue(log.has("Loaded orders-2026-11-22-fix.csv into table public.orders (upsert): 3 rows read = 2 loaded + 0 rejected"
                           + " + 1 duplicates + 0 blank,"), String.valueOf(log.matching("Loaded orders")));
    }

    @Test
    void should_replace_the_price_list_as_a_whole_and_keep_it_when_a_replacement_fails() {
        folders.drop("price-list.csv", "SKU,Price,Currency\nA-100,9.99,EUR\nA-200,19.50,EUR\nB-300,4.25,EUR\n");
        Await.dataFiles(folders.outbox(), "price-list-", 1, TIMEOUT);
        folders.drop("price-list-december.csv", "SKU,Price,Currency\nA-100,10.49,EUR\nC-400,7.00,EUR\n");
        Await.dataFiles(folders.outbox(), "price-list-december-", 1, TIMEOUT);

        List<List<String>> december = List.of(List.of("A-100", "10.49"), List.of("C-400", "7.00"));
        assertEquals(december, db.rows("SELECT sku, price FROM price_list ORDER BY sku"));

        // batch size 2: the first two batches insert, the third has a bad price and the feed allows no reject
        // (maxRejects: 0): the replacement must leave no trace and its rejected row goes to the dead letter with it
        folders.drop("price-list-broken.csv", "SKU,Price,Currency\nA-1,1,EUR\nA-2,2,EUR\nA-3,3,EUR\nA-4,4,EUR\nA-5,five,EUR\n");
        List<Path> failed = Await.files(folders.deadLetter(), "price-list-broken-", 3, TIMEOUT);

        assertEquals(december, db.rows("SELECT sku, price FROM price_list ORDER BY sku"));
        String reason = Inbox.read(failed.stream().filter(f -> f.toString().endsWith(".reason.txt")).findFirst().orElseThrow());
        assertTrue(reason.contains("maxRejects (0)"), reason);
        String rejects = Inbox.read(failed.stream().filter(f -> f.toString().endsWith(".rejects.csv")).findFirst().orElseThrow());
        assertTrue(rejects.contains("6,price,'five' is not a decimal number"), rejects);
        assertEquals(List.of(), Await.list(folders.outbox(), "price-list-broken"));
    }

    @Test
    void should_append_sensor_readings_dropped_in_the_sensors_subfolder() throws IOException {
        Files.createDirectories(folders.inbox().resolve("sensors"));
        folders.drop("sensors/lab-1.csv", Files.readString(Path.of("samples/sensors/lab-1.csv")));
        Await.dataFiles(folders.outbox(), "lab-1-", 1, TIMEOUT);

        assertEquals(List.of(
                List.of("lab-1", "2026-11-22 10:00:00.000", "0.012"), List.of("lab-1", "2026-11-22 10:00:00.020", "0.015"),
                List.of("lab-1", "2026-11-22 10:00:00.040", "0.012"), List.of("lab-1", "2026-11-22 10:00:00.060", "0.013")),
                db.rows("SELECT sensor_id, to_char(measured_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'), x"
                        + " FROM sensor_readings ORDER BY measured_at"));
        assertEquals(List.of(List.of("1")), db.rows("SELECT count(*) FROM sensor_readings WHERE z IS NULL"),
                "the feed's null token '-' loads as NULL");
        assertEquals(List.of(List.of("double precision")),
                db.rows("SELECT DISTINCT data_type FROM information_schema.columns WHERE table_name = 'sensor_readings'"
                        + " AND column_name IN ('x', 'y', 'z')"));
    }

    @Test
    void should_let_no_feed_take_a_file_that_two_feeds_match_and_say_so() {
        // both feeds running first: a feed alone takes what only it matches, at once (a file arriving wakes its poll)
        for (String feed : List.of("dup-a", "dup-b")) {
            Await.until(feed + " running", TIMEOUT, () -> log.has("INFO", "route(s) [" + feed + "-feed] started"));
        }
        folders.drop("both-1.csv", "id\n1\n");

        Await.until("the conflict reported", TIMEOUT, () -> log.has("ERROR", "both-1.csv matches feeds [dup-a, dup-b]"));

        assertTrue(Files.exists(folders.inbox().resolve("both-1.csv")));
        assertFalse(db.tableExists("both_1"));
    }
}
