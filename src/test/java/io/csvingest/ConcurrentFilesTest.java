package io.csvingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.csvingest.support.Await;
import io.csvingest.support.Inbox;
import io.csvingest.support.TestDatabase;
import io.csvingest.support.TestFeeds;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An append feed loads several small files at once, each exactly once in its own transaction; a feed set to one file
 * at a time never overlaps. Every load into the tables here takes 0.4 s in PostgreSQL (a trigger), so overlaps show
 * in the ledger's start and finish times.
 */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_concurrent_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "feeds.dir=target/concurrent-test/routes",
        "camel.component.feed.inbox-dir=target/concurrent-test/inbox",
        "camel.component.feed.outbox-dir=target/concurrent-test/outbox",
        "camel.component.feed.deadletter-dir=target/concurrent-test/deadletter",
        "camel.component.feed.poll-delay=200"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentFilesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int FILES = 6;

    private final TestDatabase db = new TestDatabase("csv_ingest_concurrent_test");
    private final Inbox folders = new Inbox(Path.of("target/concurrent-test"));

    @BeforeAll
    void createDatabaseFoldersAndFeeds() throws IOException {
        db.create();
        folders.reset();
        Path routes = Files.createDirectories(Path.of("target/concurrent-test/routes"));
        for (String feed : List.of("side", "single")) {
            db.execute("CREATE TABLE " + feed + " (id bigint, file text)");
            db.execute("CREATE FUNCTION slow_" + feed + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                       + " PERFORM pg_sleep(0.4); RETURN NULL; END $$");
            db.execute("CREATE TRIGGER slow AFTER INSERT ON " + feed + " FOR EACH STATEMENT EXECUTE FUNCTION slow_" + feed + "()");
            Files.writeString(routes.resolve(feed + ".yaml"), TestFeeds.yaml(feed, """
                    include: "%s-.*\\\\.csv"
                    table: %s
                    concurrentFiles: %d
                    """.formatted(feed, feed, feed.equals("side") ? 3 : 1)));
        }
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @Test
    void should_load_up_to_concurrent_files_at_once_each_exactly_once() {
        dropAll("side");

        Await.dataFiles(folders.outbox(), "side-", FILES, TIMEOUT);

        assertEquals(List.of(List.of(String.valueOf(FILES * 10), String.valueOf(FILES * 10))),
                db.rows("SELECT count(*), count(DISTINCT (id, file)) FROM side"));
        assertEquals(List.of(List.of(String.valueOf(FILES))), db.rows("SELECT count(*) FROM csv_ingest_ledger"
                                                                       + " WHERE feed = 'side' AND status = 'loaded'"));
        int most = mostAtOnce("side");
        assertTrue(most >= 2 && most <= 3, "files loading at once: " + most);
    }

    @Test
    void should_load_one_file_at_a_time_when_the_feed_says_so() {
        dropAll("single");

        Await.dataFiles(folders.outbox(), "single-", FILES, TIMEOUT);

        assertEquals(List.of(List.of(String.valueOf(FILES * 10))), db.rows("SELECT count(*) FROM single"));
        assertEquals(1, mostAtOnce("single"));
    }

    private void dropAll(String feed) {
        for (int f = 1; f <= FILES; f++) {
            StringBuilder csv = new StringBuilder("id,file\n");
            for (int r = 1; r <= 10; r++) {
                csv.append(r).append(',').append(f).append('\n');
            }
            folders.drop(feed + "-" + f + ".csv", csv.toString());
        }
    }

    /** The most loads of the feed in flight at one moment, from the ledger's start and finish times. */
    private int mostAtOnce(String feed) {
        List<Instant[]> loads = new ArrayList<>();
        for (List<String> row : db.rows("SELECT extract(epoch FROM started_at)::text, extract(epoch FROM finished_at)::text"
                                        + " FROM csv_ingest_ledger WHERE feed = '" + feed + "' AND status = 'loaded'")) {
            loads.add(new Instant[] {epoch(row.get(0)), epoch(row.get(1))});
        }
        int most = 0;
        for (Instant[] load : loads) {
            most = Math.max(most, (int) loads.stream().filter(other -> other[0].compareTo(load[0]) <= 0
                                                                        && other[1].isAfter(load[0])).count());
        }
        return most;
    }

    private static Instant epoch(String seconds) {
        double value = Double.parseDouble(seconds);
        return Instant.ofEpochSecond((long) value, (long) ((value - Math.floor(value)) * 1e9));
    }
}
