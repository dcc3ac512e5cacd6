package io.csvingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.csvingest.support.Await;
import io.csvingest.support.Inbox;
import io.csvingest.support.PackagedApp;
import io.csvingest.support.TcpProxy;
import io.csvingest.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost, nothing twice, with the packaged service in a JVM of its own: killed with -9 mid-file, its database
 * cut away mid-file and at start (through a TCP proxy), stopped with SIGTERM mid-file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResilienceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int ROWS = 1_000_000;
    /** The big file's table, as the service would create it. */
    private static final String BIG_COLUMNS = "id bigint, pctid bigint, x numeric, y numeric, z numeric";

    private final TestDatabase db = new TestDatabase("csv_ingest_resilience_it");
    private final Path container = Path.of("target/resilience-it/app");
    private final Inbox folders = new Inbox(container.resolve("data"));
    private Path bigFile;
    private TcpProxy proxy;
    private PackagedApp app;

    @BeforeAll
    void createDatabaseAndFile() throws IOException {
        db.create();
        bigFile = Path.of("target/resilience-it/big.csv");
        Files.createDirectories(bigFile.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(bigFile, StandardCharsets.UTF_8)) {
            out.write("id,pctid,x,y,z\n");
            for (int i = 1; i <= ROWS; i++) {
                out.write(i + "," + (20 + i % 81) + "," + (i % 2001 - 1000) / 1000.0 + "," + (i % 1999) / 1000.0 + ",0.5\n");
            }
        }
        proxy = new TcpProxy(Integer.parseInt(TestDatabase.SERVER.replaceAll(".*:(\\d+)/.*", "$1")));
    }

    @BeforeEach
    void emptyTablesAndFolders() throws IOException {
        proxy.open();
        db.execute("DROP TABLE IF EXISTS big, early, csv_ingest_ledger, csv_ingest_claim, csv_ingest_schema_history");
        folders.reset();
    }

    @AfterEach
    void killLeftovers() throws InterruptedException {
        if (app != null && app.process().isAlive()) {
            app.kill(); // a failed test must not leave a service running on the next test's folders
        }
    }

    @AfterAll
    void dropDatabase() throws IOException {
        proxy.close();
        db.drop();
    }

    private PackagedApp app(Map<String, String> extra) throws IOException {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "DB_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/csv_ingest_resilience_it",
                "DB_USER", TestDatabase.USER, "DB_RETRY_INITIAL_MS", "500", "DB_RETRY_MAX_MS", "2000",
                "DB_CONNECT_TIMEOUT_MS", "2000", "INSTANCE_NAME", "resilience-it",
                // a restarted instance takes over its killed predecessor's file once the claim's lease has run out
                "CLAIM_LEASE_SECONDS", "3"));
        env.putAll(extra);
        app = new PackagedApp(container, env);
        return app;
    }

    private void dropBigFile() throws IOException {
        Path staged = container.resolve(".big.csv.part");
        Files.copy(bigFile, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, folders.inbox().resolve("big.csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file is in the inbox, or in the inbox's in-progress folder (where a killed instance left it). */
    private boolean inInbox(String name) throws IOException {
        try (var files = Files.walk(folders.inbox())) {
            return files.anyMatch(f -> f.getFileName().toString().equals(name));
        }
    }

    private void assertLoadedExactlyOnce() {
        assertEquals(List.of(List.of(String.valueOf(ROWS), String.valueOf(ROWS))),
                db.rows("SELECT count(*), count(DISTINCT id) FROM big"));
        assertEquals(List.of(), Await.list(folders.deadLetter(), "big"));
        assertEquals(List.of(), Await.list(folders.inbox(), "big"));
    }

    @Test
    void should_load_a_file_exactly_once_after_kill_9_at_three_points_mid_file() throws Exception {
        // 100 batches, each at least 0.06 s: the load lasts 6 s or more however fast the machine, past the kill points
        db.createSlowTable("big", BIG_COLUMNS, 0.06);
        PackagedApp app = app(Map.of("BATCH_SIZE", "10000")).start();
        dropBigFile();
        long[] killAfterMillis = {300, 1500, 3000};
        for (int kill = 0; kill < killAfterMillis.length; kill++) {
            int loading = kill + 1;
            Await.until("loading attempt " + loading, TIMEOUT, () -> app.occurrences("Loading big.csv") >= loading);
            Thread.sleep(killAfterMillis[kill]); // the kill point: this long into the file's load
            app.kill();
            assertTrue(inInbox("big.csv"), "the file stays in the inbox (in its in-progress folder)");
            assertEquals(0, db.tableExists("big") ? db.count("big") : 0, "nothing of a killed load stays in the table");
            app.start();
        }
        Await.dataFiles(folders.outbox(), "big-", 1, TIMEOUT);
        app.stop(40);

        assertLoadedExactlyOnce();
        assertEquals(List.of(List.of("interrupted", "3"), List.of("loaded", "1")),
                db.rows("SELECT status, count(*) FROM csv_ingest_ledger GROUP BY status ORDER BY status"));
    }

    @Test
    void should_wait_while_the_database_is_away_mid_file_and_then_load_the_file_exactly_once() throws Exception {
        db.createSlowTable("big", BIG_COLUMNS, 0.06); // 6 s or more: still loading when the database goes away
        PackagedApp app = app(Map.of("BATCH_SIZE", "10000")).start();
        dropBigFile();
        Await.until("the load started", TIMEOUT, () -> app.occurrences("Loading big.csv") >= 1);
        Thread.sleep(1500); // mid-file
        proxy.cut();
        Await.until("the wait explained", TIMEOUT, () -> app.occurrences("Could not finish big.csv") >= 1);
        long cutAt = System.nanoTime();
        Await.until("20 s of outage", TIMEOUT, () -> System.nanoTime() - cutAt > 20_000_000_000L
                                                    && app.occurrences("Database unreachable") >= 3);
        assertTrue(Files.exists(folders.inbox().resolve("big.csv")), "the file waits in the inbox");
        assertEquals(List.of(), Await.list(folders.deadLetter(), "big"));
        proxy.open();

        Await.dataFiles(folders.outbox(), "big-", 1, TIMEOUT);
        assertEquals(0, app.stop(40));

        assertLoadedExactlyOnce();
        assertTrue(app.log().contains("Database answers again after"), "the return is logged");
        // the lost attempt could not be recorded while the database was away: it is marked when it answers again
        assertEquals(List.of(List.of("interrupted"), List.of("loaded")),
                db.rows("SELECT status FROM csv_ingest_ledger ORDER BY id"));
    }

    @Test
    void should_start_without_the_database_report_not_ready_and_load_waiting_files_once_it_answers() throws Exception {
        proxy.cut();
        int management = PackagedApp.freePort();
        PackagedApp app = app(Map.of("MANAGEMENT_PORT", String.valueOf(management))).start();
        assertTrue(app.process().isAlive(), "the service starts without its database");
        Await.until("not ready: the database is reported unreachable", TIMEOUT,
                () -> app.occurrences("Database unreachable") >= 1 && app.log().contains("files wait in the inbox"));
        assertTrue(PackagedApp.get(management, "/observe/health/ready").startsWith("503 "),
                PackagedApp.get(management, "/observe/health/ready"));
        assertTrue(PackagedApp.get(management, "/observe/health/live").startsWith("200 "), "live all the same");
        assertEquals(1, app.healthcheck(), "the image's HEALTHCHECK says unhealthy while the database is away");
        folders.drop("early.csv", "id,v\n1,a\n2,b\n");
        long droppedAt = System.nanoTime();
        Await.until("a few polls", TIMEOUT, () -> System.nanoTime() - droppedAt > 4_000_000_000L);
        assertTrue(Files.exists(folders.inbox().resolve("early.csv")), "the file waits while the database is away");
        assertTrue(PackagedApp.get(management, "/observe/metrics").contains("csv_ingest_inbox_files 1.0"));

        proxy.open();

        Await.dataFiles(folders.outbox(), "early-", 1, TIMEOUT);
        Await.until("ready", TIMEOUT, () -> PackagedApp.get(management, "/observe/health/ready").startsWith("200 "));
        assertEquals(0, app.healthcheck(), "the image's HEALTHCHECK says healthy");
        String metrics = PackagedApp.get(management, "/observe/metrics");
        assertTrue(metrics.contains("csv_ingest_files_total{outcome=\"loaded\"} 1.0")
                   && metrics.contains("csv_ingest_rows_total{bucket=\"loaded\"} 2.0")
                   && metrics.contains("csv_ingest_inbox_files 0.0")
                   && metrics.contains("csv_ingest_batch_load_seconds_count 1"), metrics);
        assertEquals(0, app.stop(40));
        assertEquals(List.of(List.of("1", "a"), List.of("2", "b")), db.rows("SELECT id, v FROM early ORDER BY id"));
    }

    @Test
    void should_finish_the_file_in_flight_on_sigterm_and_exit_0() throws Exception {
        db.createSlowTable("big", BIG_COLUMNS, 0.03); // 3 s or more: progress lines, well within the shutdown timeout
        PackagedApp app = app(Map.of("PROGRESS_INTERVAL_SECONDS", "1", "BATCH_SIZE", "10000")).start();
        dropBigFile();
        Await.until("the load started", TIMEOUT, () -> app.occurrences("Loading big.csv") >= 1);
        Thread.sleep(1000);

        assertEquals(0, app.stop(60), "SIGTERM mid-file: clean exit 0");

        assertTrue(app.log().contains("Loaded big.csv into table public.big"), "the file in flight finished within the timeout");
        assertTrue(app.log().matches("(?s).*Loading big\\.csv: \\d+ rows so far \\(\\d+ rows/s\\), \\d+% of "
                                     + Files.size(bigFile) + " bytes read.*"), "progress lines while a long file loads");
        app.start();
        Await.until("a poll after the restart", TIMEOUT, () -> app.occurrences("Database answers") >= 2);
        assertEquals(0, app.stop(40));
        assertLoadedExactlyOnce();
    }

    @Test
    void should_roll_back_the_file_in_flight_when_the_shutdown_timeout_passes_and_load_it_once_after_restart()
            throws Exception {
        db.createSlowTable("big", BIG_COLUMNS, 0.06); // 6 s or more: far past the shutdown timeout
        PackagedApp app = app(Map.of("SHUTDOWN_TIMEOUT_SECONDS", "1", "BATCH_SIZE", "10000")).start();
        dropBigFile();
        Await.until("the load started", TIMEOUT, () -> app.occurrences("Loading big.csv") >= 1);
        Thread.sleep(1000);

        assertEquals(0, app.stop(60), "SIGTERM mid-file: clean exit 0 even when the file cannot finish in time");

        assertTrue(Files.exists(folders.inbox().resolve("big.csv")), "the unfinished file stays in the inbox");
        assertEquals(0, db.tableExists("big") ? db.count("big") : 0, "nothing of it stays in the table");
        assertEquals(List.of(), Await.list(folders.deadLetter(), "big"));
        app.start();
        Await.dataFiles(folders.outbox(), "big-", 1, TIMEOUT);
        assertEquals(0, app.stop(40));
        assertLoadedExactlyOnce();
    }
}
