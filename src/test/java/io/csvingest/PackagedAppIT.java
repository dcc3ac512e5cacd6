package io.csvingest;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.csvingest.support.Await;
import io.csvingest.support.Inbox;
import io.csvingest.support.PackagedApp;
import io.csvingest.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the packaged jar as the Dockerfile's final stage does (COPY layout, ENTRYPOINT, .env, secret file). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedAppIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SECRET = "never-log-me-7f3a9c";

    private final TestDatabase db = new TestDatabase("csv_ingest_packaged_it");
    private final Path container = Path.of("target/packaged-it/app");
    private final Inbox folders = new Inbox(container.resolve("data"));

    @BeforeAll
    void createDatabase() {
        db.create();
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @BeforeEach
    void emptyFoldersAndDatabase() {
        folders.reset();
        db.execute("DROP TABLE IF EXISTS sales, csv_ingest_ledger, csv_ingest_claim, csv_ingest_schema_history");
    }

    @Test
    void should_load_a_sample_file_when_started_with_the_dockerfile_entrypoint_and_env() throws Exception {
        Path secret = Files.writeString(container.getParent().resolve("db_password"), SECRET + "\n");
        PackagedApp app = new PackagedApp(container, Map.of("DB_URL", db.url(), "DB_USER", TestDatabase.USER,
                "DB_PASSWORD_FILE", secret.toAbsolutePath().toString())).start();
        int exitCode;
        try {
            Files.copy(Path.of("samples/sales.csv"), container.resolve(".sales.csv.part"));
            Files.move(container.resolve(".sales.csv.part"), folders.inbox().resolve("sales.csv"), StandardCopyOption.ATOMIC_MOVE);

            Await.dataFiles(folders.outbox(), "sales-", 1, TIMEOUT);

            assertEquals(List.of(
                    List.of("1001", "Alice Martin", "129.90", "t"),
                    List.of("1002", "Bob Chen", "15.00", "f"),
                    List.of("1003", "Chloé Dubois", "842.15", "t"),
                    List.of("1004", "Dmitri Ivanov", "64.50", "t")),
                    db.rows("SELECT order_id, customer, amount, paid FROM sales ORDER BY order_id"));
            assertEquals("Deliver to the back door\n(ring twice)", db.rows("SELECT note FROM sales WHERE order_id = 1003").get(0).get(0));
            Await.until("the per-file log line", TIMEOUT, () -> app.log()
                    .contains("Loaded sales.csv into table public.sales (append): 4 rows read = 4 loaded + 0 rejected + 0 duplicates + 0 blank,"));
        } finally {
            exitCode = app.stop(40); // SIGTERM, as docker stop sends
        }
        assertEquals(0, exitCode, "a SIGTERM'd service exits 0");
        String stdout = app.log();
        assertTrue(stdout.contains("csv-ingest stopped"), stdout);
        assertFalse(stdout.contains("Auto-configuration summary") || stdout.contains("Property-placeholders summary")
                    || stdout.contains("has been already registered"), "only what a user needs at INFO: " + stdout);
        assertTrue(stdout.contains("csv-ingest: drop CSV files into " + folders.inbox().toAbsolutePath()), "the banner");
        assertFalse(stdout.contains(SECRET), "the database password must never be logged");
    }

    @Test
    void should_log_one_json_object_per_line_when_log_format_is_json() throws Exception {
        PackagedApp app = new PackagedApp(container, Map.of("DB_URL", db.url(), "DB_USER", TestDatabase.USER,
                "LOG_FORMAT", "json", "MANAGEMENT_PORT", String.valueOf(PackagedApp.freePort()))).start();
        try {
            Files.copy(Path.of("samples/sales.csv"), folders.inbox().resolve("sales.csv"));
            Await.dataFiles(folders.outbox(), "sales-", 1, TIMEOUT);
            Await.until("the per-file line", TIMEOUT, () -> app.log().contains("\"message\":\"Loaded sales.csv into table public.sales"));
        } finally {
            assertEquals(0, app.stop(40));
        }
        List<String> lines = app.log().lines().toList();
        assertTrue(lines.size() >= 5, lines.toString());
        for (String line : lines) {
            assertTrue(line.startsWith("{\"@timestamp\":") && line.endsWith("}"), "not one JSON object: " + line);
        }
    }

    @Test
    void should_refuse_to_start_with_one_error_line_when_the_management_port_is_taken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            PackagedApp app = new PackagedApp(container, Map.of("DB_URL", db.url(), "DB_USER", TestDatabase.USER,
                    "MANAGEMENT_HOST", "127.0.0.1", "MANAGEMENT_PORT", String.valueOf(taken.getLocalPort()))).start();
            assertTrue(app.process().waitFor(30, TimeUnit.SECONDS), "it stops by itself");
            assertEquals(1, app.process().exitValue());
            List<String> errors = app.log().lines().filter(line -> line.contains(" ERROR ")).toList();
            assertEquals(1, errors.size(), app.log());
            assertTrue(errors.get(0).contains("Not starting: the management port 127.0.0.1:" + taken.getLocalPort()), errors.get(0));
            assertFalse(app.log().contains("Exception"), "no stack trace: " + app.log());
        }
    }
}
