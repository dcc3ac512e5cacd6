package io.csvingest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file moved into the inbox whole is read without the quiet period; a file written in place still waits it out
 * (here a long one, 4 s, so that the difference cannot be the poll's luck).
 */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_moved_in_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "camel.component.feed.inbox-dir=target/moved-in-test/inbox",
        "camel.component.feed.outbox-dir=target/moved-in-test/outbox",
        "camel.component.feed.deadletter-dir=target/moved-in-test/deadletter",
        "camel.component.feed.poll-delay=100",
        "camel.component.feed.read-lock-check-interval=100",
        "camel.component.feed.read-lock-min-age=4000"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovedInTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long QUIET_PERIOD_NANOS = Duration.ofSeconds(4).toNanos();

    private final TestDatabase db = new TestDatabase("csv_ingest_moved_in_test");
    private final Inbox folders = new Inbox(Path.of("target/moved-in-test"));

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
    void should_load_a_file_moved_into_the_inbox_without_waiting_for_the_quiet_period() throws IOException {
        folders.drop("ready.csv", "id\n1\n"); // the feeds run once it loads, whatever way it is taken
        Await.dataFiles(folders.outbox(), "ready-", 1, TIMEOUT);
        Path staged = Files.writeString(folders.root().resolve(".moved.part"), "id,reading\n1,0.5\n2,1.5\n");
        long written = System.nanoTime();
        afterClockTick(staged); // as a user's `mv` after the program that wrote the file: a few ms at least
        Files.move(staged, folders.inbox().resolve("moved.csv"), StandardCopyOption.ATOMIC_MOVE);

        Await.until("the moved file's rows", TIMEOUT, () -> db.tableExists("moved") && db.rows("SELECT count(*) FROM moved")
                .equals(List.of(List.of("2"))));

        long took = System.nanoTime() - written;
        assertTrue(took < QUIET_PERIOD_NANOS, "loaded " + took / 1_000_000 + " ms after its last write, within the quiet period");
    }

    /** Waits until the file system's clock (coarse: a few ms) has moved past the file's last write. */
    private void afterClockTick(Path file) throws IOException {
        FileTime written = Files.getLastModifiedTime(file);
        Path probe = folders.root().resolve(".clock");
        Await.until("the file system clock to tick", TIMEOUT, () -> {
            try {
                return Files.getLastModifiedTime(Files.writeString(probe, "tick")).compareTo(written) > 0;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Files.delete(probe);
    }

    @Test
    void should_wait_out_the_quiet_period_for_a_file_written_in_place_and_load_it_whole_once() throws Exception {
        Path file = folders.inbox().resolve("in-place.csv");
        long lastWrite;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id\n");
            for (int chunk = 0; chunk < 5; chunk++) {
                for (int i = 0; i < 20; i++) {
                    out.write((chunk * 20 + i) + "\n");
                }
                out.flush();
                Thread.sleep(300); // a writer that takes its time, always within the quiet period
            }
            lastWrite = System.nanoTime();
        }

        Await.dataFiles(folders.outbox(), "in-place-", 1, TIMEOUT);

        long waited = System.nanoTime() - lastWrite;
        assertTrue(waited >= QUIET_PERIOD_NANOS - Duration.ofMillis(400).toNanos(),
                "read " + waited / 1_000_000 + " ms after its last write: it must wait out the quiet period");
        assertEquals(List.of(List.of("100", "0", "99")), db.rows("SELECT count(*), min(id), max(id) FROM in_place"));
    }
}
