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

    private final TestDatabase db = new TestDatabase("csv_ingest_resilience_it");
    private final Path container = Path.of("target/resilience-it/app");
    private final Inbox folders = new Inbox(container);
    private Path bigFile;
    private TcpProxy proxy;

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
        db.execute("DROP TABLE IF EXISTS big");
        folders.reset();
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
                "DB_CONNECT_TIMEOUT_MS", "2000", "INSTANCE_NAME", "resilience-it"));
        env.putAll(extra);
        return new PackagedApp(container, env);
    }

    private void dropBigFile() throws IOException {
        Path staged = container.resolve(".big.csv.part");
        Files.copy(bigFile, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, folders.inbox().resolve("big.csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    private void assertLoadedExactlyOnce() {
        assertEquals(List.of(List.of(String.valueOf(ROWS), String.valueOf(ROWS))),
                db.rows("SELECT count(*), count(DISTINCT id) FROM big"));
        assertEquals(List.of(), Await.list(folders.deadLetter(), "big"));
        assertEquals(List.of(), Await.list(folders.inbox(), "big"));
    }

    @Test
    void should_load_a_file_exactly_once_after_kill_9_at_three_points_mid_file() throws Exception {
        PackagedApp app = app(Map.of()).start();
        dropBigFile();
        long[] killAfterMillis = {300, 2000, 5000};
        for (int kill = 0; kill < killAfterMillis.length; kill++) {
            int loading = kill + 1;
            Await.until("loading attempt " + loading, TIMEOUT, () -> app.occurrences("Loading big.csv") >= loading);
            Thread.sleep(killAfterMillis[kill]); // the kill point: this long into the file's load
            app.kill();
            assertTrue(Files.exists(folders.inbox().resolve("big.csv")), "the file stays in the inbox");
            assertEquals(0, db.tableExists("big") ? db.count("big") : 0, "nothing of a killed load stays in the table");
            app.start();
        }
        Await.dataFiles(folders.outbox(), "big-", 1, TIMEOUT);
        app.stop(40);

        assertLoadedExactlyOnce();
        assertEquals(List.of(List.of("interrupted", "3"), List.of("loaded", "1")),
                db.rows("SELECT status, count(*) FROM csv_ingest_ledger GROUP BY status ORDER BY status"));
    }
}
