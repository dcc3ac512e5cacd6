package io.csvingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.csvingest.support.Await;
import io.csvingest.support.Inbox;
import io.csvingest.support.LogCapture;
import io.csvingest.support.TestDatabase;
import io.csvingest.support.TestFeeds;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feeds edited, added, broken and deleted under the running service, with file-change events off (polling only). */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_reload_test",
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "feeds.dir=target/reload-test/routes",
        "feeds.poll-interval=500",
        "feeds.watch-events=false",
        "camel.component.feed.inbox-dir=target/reload-test/inbox",
        "camel.component.feed.outbox-dir=target/reload-test/outbox",
        "camel.component.feed.deadletter-dir=target/reload-test/deadletter",
        "camel.component.feed.poll-delay=200",
        "camel.component.feed.read-lock-check-interval=300",
        "camel.component.feed.read-lock-min-age=500",
        "camel.component.feed.unclaimed-check-interval=300"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedReloadTest {

    /** Live changes must be in effect within 5 seconds. */
    private static final Duration IN_EFFECT = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TestDatabase db = new TestDatabase("csv_ingest_reload_test");
    private final Inbox folders = new Inbox(Path.of("target/reload-test"));
    private final Path routes = Path.of("target/reload-test/routes");
    private final LogCapture log = LogCapture.attach();

    @BeanInject
    CamelContext context;

    @BeforeAll
    void createDatabaseAndFolders() throws IOException {
        db.create();
        folders.reset();
        Files.createDirectories(routes);
        feed("beta.yaml", "beta", "include: \"beta-.*\\\\.csv\"\ntable: beta");
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @Test
    @Order(1)
    void should_start_a_feed_when_its_file_is_added() throws IOException {
        feed("alpha.yaml", "alpha", "include: \"alpha-.*\\\\.csv\"\ntable: alpha_v1");

        Await.until("alpha-feed started", IN_EFFECT, () -> running("alpha-feed"));
        assertTrue(log.has("INFO Feed file routes/alpha.yaml added: route(s) [alpha-feed] started"));

        assertEquals(List.of(List.of("1")), load("alpha-1.csv", "alpha_v1"));
    }

    @Test
    @Order(2)
    void should_load_the_next_file_with_the_edited_definition() throws IOException {
        feed("alpha.yaml", "alpha", "include: \"alpha-.*\\\\.csv\"\ntable: alpha_v2");

        Await.until("the change logged", IN_EFFECT, () -> log.has("Feed file routes/alpha.yaml changed"));

        assertEquals(List.of(List.of("1")), load("alpha-2.csv", "alpha_v2"));
        assertEquals(1, db.count("alpha_v1"), "the old definition's table got nothing more");
    }

    @Test
    @Order(3)
    void should_keep_the_previous_version_running_when_an_edit_is_invalid() throws IOException {
        String[][] invalid = {
                {"include: [unclosed", "alpha.yaml"},
                {"include: \"alpha-.*\\\\.csv\"\ntabel: alpha_typo", "tabel"},
                {"include: \"alpha-.*\\\\.csv\"\ncolumns: \"id:money\"", "Unknown column type 'money'"},
                {"include: \"alpha-.*\\\\.csv\"\nmode: merge", "Unknown mode 'merge'"},
        };
        for (String[] edit : invalid) {
            feed("alpha.yaml", "alpha", edit[0]);
            Await.until("an ERROR naming alpha.yaml and " + edit[1], IN_EFFECT,
                    () -> log.has("ERROR Feed file routes/alpha.yaml not applied", edit[1], "previous version keeps running"));
        }

        assertTrue(running("alpha-feed"));
        assertTrue(running("beta-feed"), "other feeds are untouched");
        assertEquals(List.of(List.of("1")), load("alpha-3.csv", "alpha_v2"));
        assertEquals(List.of(List.of("1")), load("beta-1.csv", "beta"));
    }

    @Test
    @Order(4)
    void should_keep_the_java_routes_running_through_ten_reloads() throws IOException {
        for (int reload = 1; reload <= 10; reload++) {
            feed("gamma.yaml", "gamma", "include: \"gamma-.*\\\\.csv\"\ntable: gamma_" + reload);
            int applied = reload;
            Await.until("reload " + reload, IN_EFFECT, () -> log.matching("Feed file routes/gamma.yaml").size() == applied);
        }
        assertTrue(log.has("INFO Feed file routes/gamma.yaml changed: route(s) [gamma-feed] reloaded"));

        for (String javaRoute : List.of("load-csv", "prepare-table")) {
            assertTrue(running(javaRoute), javaRoute + " still runs");
        }
        assertEquals(List.of(List.of("1")), load("gamma-1.csv", "gamma_10"));
    }

    @Test
    @Order(5)
    void should_stop_and_remove_a_feed_when_its_file_is_deleted() throws IOException {
        Files.delete(routes.resolve("alpha.yaml"));

        Await.until("the deletion logged", IN_EFFECT,
                () -> log.has("INFO Feed file routes/alpha.yaml deleted: route(s) [alpha-feed] stopped and removed"));
        assertEquals(null, context.getRoute("alpha-feed"));

        folders.drop("alpha-4.csv", "id\n1\n");
        Await.until("the unclaimed file reported", TIMEOUT, () -> log.has("WARN", "alpha-4.csv is not taken by any feed"));
        assertTrue(Files.exists(folders.inbox().resolve("alpha-4.csv")), "an unclaimed file stays in the inbox");
        assertEquals(2, db.count("alpha_v2"));
    }

    @Test
    @Order(6)
    void should_finish_a_file_in_flight_under_the_old_definition() throws IOException {
        write("slow.yaml", slowFeed("slow_old"));
        Await.until("slow-feed started", IN_EFFECT, () -> running("slow-feed"));

        folders.drop("slow-1.csv", "id\n1\n");
        Await.until("slow-1.csv in flight", TIMEOUT, () -> context.getInflightRepository().size("slow-feed") == 1);
        write("slow.yaml", slowFeed("slow_new"));
        Await.until("the edit seen", IN_EFFECT, () -> log.has("Feed file routes/slow.yaml changed: the file in flight"));
        folders.drop("slow-2.csv", "id\n2\n"); // dropped after the edit, while slow-1.csv still loads

        Await.dataFiles(folders.outbox(), "slow-2-", 1, TIMEOUT);
        assertEquals(List.of(List.of("1")), db.rows("SELECT id FROM slow_old"), "the file in flight: old definition");
        assertEquals(List.of(List.of("2")), db.rows("SELECT id FROM slow_new"), "the next file: new definition");
        assertTrue(log.has("INFO Feed file routes/slow.yaml changed: route(s) [slow-feed, slow-rows] reloaded"));
    }

    @Test
    @Order(7)
    void should_apply_a_refused_file_once_the_file_it_clashed_with_is_deleted() throws IOException {
        write("delta.yaml", """
                - route:
                    id: beta-feed
                    description: clashes with beta.yaml's route id
                    from:
                      uri: feed:delta
                      parameters:
                        include: 'delta-.*\\.csv'
                      steps:
                        - to:
                            uri: direct:load-csv
                """);
        Await.until("the clash reported", IN_EFFECT,
                () -> log.has("ERROR Feed file routes/delta.yaml not applied: route id 'beta-feed' is already used by beta.yaml"));

        Files.delete(routes.resolve("beta.yaml"));

        Await.until("delta.yaml applied", IN_EFFECT, () -> log.has("INFO Feed file routes/delta.yaml added"));
        assertEquals(List.of(List.of("1")), load("delta-1.csv", "delta_1"));
    }

    @Test
    @Order(8)
    void should_put_the_previous_version_back_when_the_new_routes_fail_to_start() throws IOException {
        write("gamma.yaml", """
                - route:
                    id: gamma-feed
                    description: a step whose expression does not compile fails only when the route starts
                    from:
                      uri: feed:gamma
                      parameters:
                        include: 'gamma-.*\\.csv'
                        table: gamma_broken
                      steps:
                        - setHeader:
                            name: x
                            expression:
                              simple:
                                expression: "${header.x"
                        - to:
                            uri: direct:load-csv
                """);

        Await.until("the failed start reported", TIMEOUT,
                () -> log.has("ERROR Feed file routes/gamma.yaml not applied", "The previous version keeps running"));

        assertTrue(running("gamma-feed"));
        load("gamma-2.csv", "gamma_10");
        assertEquals(2, db.count("gamma_10"), "the previous version loaded the next file");
        assertFalse(db.tableExists("gamma_broken"));
    }

    /** A feed whose row steps take 2 s per row, so a file stays in flight while the feed is edited. */
    private static String slowFeed(String table) {
        return """
                - route:
                    id: slow-feed
                    description: test feed that loads slowly
                    from:
                      uri: feed:slow
                      parameters:
                        include: 'slow-.*\\.csv'
                        table: %s
                        rowSteps: direct:slow-rows
                      steps:
                        - to:
                            uri: direct:load-csv
                - route:
                    id: slow-rows
                    description: waits on every row
                    from:
                      uri: direct:slow-rows
                      steps:
                        - delay:
                            expression:
                              constant:
                                expression: "2000"
                """.formatted(table);
    }

    private void feed(String file, String name, String parameters) throws IOException {
        write(file, TestFeeds.yaml(name, parameters));
    }

    private void write(String file, String yaml) throws IOException {
        Path staged = routes.resolveSibling(file + ".tmp");
        Files.writeString(staged, yaml);
        Files.move(staged, routes.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private boolean running(String routeId) {
        return context.getRoute(routeId) != null
               && context.getRouteController().getRouteStatus(routeId) == ServiceStatus.Started;
    }

    private List<List<String>> load(String file, String table) {
        String prefix = file.substring(0, file.indexOf('.')) + "-";
        // content unique per file: the same content twice into one table would be skipped as a duplicate
        folders.drop(file, "id,source\n1," + file + "\n");
        Await.dataFiles(folders.outbox(), prefix, 1, TIMEOUT);
        assertFalse(Files.exists(folders.inbox().resolve(file)));
        return db.rows("SELECT max(id) FROM " + table);
    }
}
