package io.csvingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.csvingest.support.Await;
import io.csvingest.support.Compose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Docker path for real, as a new user takes it: the project's own Dockerfile, docker-compose.yml and .env (copied
 * unchanged into a scratch folder, so the developer's data folders stay out of it) on a real Docker engine: build,
 * up (both containers healthy by their own health checks), a dropped CSV in the compose database, a feed added live,
 * the log lines, three instances on one inbox, stop mid-file, down. Skipped, saying so, where no engine can be had.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String PROJECT = "csvingestit";
    /** The image's own user, for the data folders when the test runs as root (as CI does). */
    private static final String IMAGE_UID = "10001";
    private static final List<String> PROJECT_FILES = List.of("Dockerfile", ".dockerignore", "docker-compose.yml", ".env",
            "pom.xml", "src", "routes", "deploy");

    private final Path project = Path.of("target/container-it/project").toAbsolutePath();
    private final Path data = project.resolve("data");
    private Compose compose;

    @BeforeAll
    void buildAndStart() throws IOException {
        copyProject();
        String problem = Compose.engineProblem(project);
        if (problem != null) {
            System.out.println("ContainerIT SKIPPED: " + problem + " (the Docker path is then untested here)");
            Assumptions.abort(problem);
        }
        String[] user = folderOwner();
        compose = Compose.on(project, PROJECT).with("APP_UID", user[0]).with("APP_GID", user[1]);
        compose.compose(TIMEOUT, "down", "-v", "--remove-orphans");
        long started = System.nanoTime();
        compose.compose(Duration.ofMinutes(10), "build").ok();
        System.out.printf("ContainerIT: image built in %.0f s%n", (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        compose.compose(TIMEOUT, "up", "-d").ok();
        awaitHealthy("db", 1);
        awaitHealthy("ingest", 1);
        System.out.printf("ContainerIT: up -d to both containers healthy in %.0f s; image %s%n",
                (System.nanoTime() - started) / 1e9,
                compose.docker("image", "ls", "--format", "{{.Size}}", "csv-ingest:local").output().strip());
    }

    @AfterAll
    void down() {
        if (compose != null) {
            compose.compose(TIMEOUT, "down", "-v", "--remove-orphans");
        }
    }

    @Test
    @Order(1)
    void should_run_both_containers_healthy_by_their_own_health_checks() {
        assertEquals("healthy", compose.health(compose.containers("db").get(0)));
        assertEquals("healthy", compose.health(compose.containers("ingest").get(0)));
        assertEquals("", compose.docker("port", compose.containers("db").get(0)).output().strip(),
                "the database is not published on the host");
    }

    @Test
    @Order(2)
    void should_load_a_csv_dropped_into_the_inbox_into_the_compose_database() throws IOException {
        drop("sales.csv", "order_id,customer,amount\n1,Ann,12.50\n2,Bob,3\n");

        Await.dataFiles(data.resolve("outbox"), "sales-", 1, TIMEOUT);

        assertEquals("2|15.50", sql("SELECT count(*), sum(amount) FROM sales"));
    }

    @Test
    @Order(3)
    void should_take_a_feed_added_to_routes_live() throws IOException {
        Files.writeString(project.resolve("routes/late.yaml"), """
                - route:
                    id: late-feed
                    description: a feed added while the service runs
                    from:
                      uri: feed:late
                      parameters:
                        include: "late-.*\\\\.csv"
                        table: late_arrivals
                      steps:
                        - to:
                            uri: direct:load-csv
                """);
        Await.until("the feed started", TIMEOUT, () -> logs().contains("Feed file routes/late.yaml added"));
        drop("late-1.csv", "id\n7\n");

        Await.dataFiles(data.resolve("outbox"), "late-1-", 1, TIMEOUT);

        assertEquals("7", sql("SELECT id FROM late_arrivals"));
    }

    @Test
    @Order(4)
    void should_show_the_banner_and_one_line_per_file_in_the_compose_logs_and_nothing_else_at_info() {
        String logs = logs();
        assertTrue(logs.contains("csv-ingest: drop CSV files into /data/inbox"), logs);
        assertTrue(logs.contains("Database answers: feeds take files"), logs);
        assertTrue(logs.contains("Loaded sales.csv into table public.sales (append): 2 rows read = 2 loaded"), logs);
        assertFalse(logs.contains("Auto-configuration summary") || logs.contains("Vert.x") || logs.contains("Flyway"), logs);
        assertFalse(logs.contains("csv_ingest_local"), "no password in the log");
    }

    @Test
    @Order(5)
    void should_load_a_burst_exactly_once_with_three_instances_on_one_inbox() throws IOException {
        Files.writeString(project.resolve("routes/burst.yaml"), """
                - route:
                    id: burst-feed
                    description: many small files into one table
                    from:
                      uri: feed:burst
                      parameters:
                        include: "burst-.*\\\\.csv"
                        table: burst
                      steps:
                        - to:
                            uri: direct:load-csv
                """);
        compose.compose(TIMEOUT, "up", "-d", "--scale", "ingest=3").ok();
        Await.until("three instances with the feed, taking files", TIMEOUT, () -> compose.containers("ingest").size() == 3
                && count(logs(), "Database answers: feeds take files") >= 3 && count(logs(), "routes/burst.yaml added") >= 3);
        Path staging = Files.createDirectories(data.resolve(".staging"));
        for (int f = 1; f <= 90; f++) {
            Files.writeString(staging.resolve("burst-" + f + ".csv"), "id,file\n" + f + "," + f + "\n" + (f + 1000) + "," + f + "\n");
        }
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.toList()) {
                Files.move(file, data.resolve("inbox").resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        }

        Await.dataFiles(data.resolve("outbox"), "burst-", 90, TIMEOUT);

        assertEquals("180|180", sql("SELECT count(*), count(DISTINCT id) FROM burst"));
        assertEquals("90|90", sql("SELECT count(*), count(DISTINCT file_name) FROM csv_ingest_ledger"
                                  + " WHERE file_name LIKE 'burst-%' AND status = 'loaded'"));
    }

    @Test
    @Order(6)
    void should_stop_with_exit_code_0_leaving_the_file_in_flight_loaded_or_back_in_the_inbox() throws IOException {
        compose.compose(TIMEOUT, "up", "-d", "--scale", "ingest=1").ok();
        StringBuilder big = new StringBuilder("id,reading\n");
        for (int i = 0; i < 1_000_000; i++) {
            big.append(i).append(',').append(i % 977).append(".5\n");
        }
        drop("big.csv", big.toString());
        Await.until("the big file loading", TIMEOUT, () -> logs().contains("Loading big.csv"));

        Compose.Result stopped = compose.compose(TIMEOUT, "stop");

        assertEquals(0, stopped.exitCode(), stopped.output());
        for (String container : compose.containers("ingest")) {
            assertEquals("0", compose.docker("inspect", "-f", "{{.State.ExitCode}}", container).output().strip(),
                    "SIGTERM ends the service with 0");
        }
        boolean loaded = !Await.dataFiles(data.resolve("outbox"), "big-").isEmpty();
        boolean waiting = Files.exists(data.resolve("inbox/big.csv"), LinkOption.NOFOLLOW_LINKS);
        assertTrue(loaded != waiting, "finished (outbox) or back in the inbox, never both nor neither");
        compose.compose(TIMEOUT, "start", "db").ok();
        awaitHealthy("db", 1);
        // the table is created in the file's transaction: no table when the load rolled back
        boolean table = sql("SELECT count(*) FROM pg_tables WHERE tablename = 'big'").equals("1");
        assertEquals(loaded ? "1000000" : "0", table ? sql("SELECT count(*) FROM big") : "0", "all of the file's rows or none");
    }

    @Test
    @Order(7)
    void should_leave_nothing_running_after_down() {
        compose.compose(TIMEOUT, "down", "-v").ok();

        String label = "label=com.docker.compose.project=" + PROJECT;
        assertEquals("", compose.docker("ps", "-a", "-q", "--filter", label).output().strip(), "no container");
        assertEquals("", compose.docker("volume", "ls", "-q", "--filter", label).output().strip(), "no volume");
    }

    private void awaitHealthy(String service, int instances) {
        try {
            Await.until(instances + " healthy " + service, TIMEOUT, () -> {
                List<String> containers = compose.containers(service);
                return containers.size() == instances && containers.stream().allMatch(c -> compose.health(c).equals("healthy"));
            });
        } catch (AssertionError e) {
            String logs = compose.compose(TIMEOUT, "logs", "--no-color", "--tail", "20", service).output();
            throw new AssertionError(e.getMessage() + "; its last log lines:\n" + logs, e);
        }
    }

    /** Written beside the inbox and moved in, as the README says to. */
    private void drop(String name, String content) throws IOException {
        Path staged = Files.writeString(data.resolve("." + name + ".part"), content);
        Files.move(staged, data.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** One value, or values joined by |, through psql in the database container (its port is not published). */
    private String sql(String query) {
        return compose.compose(TIMEOUT, "exec", "-T", "db", "psql", "-U", "csv_ingest", "-d", "csv_ingest", "-At", "-c", query)
                .ok().output().strip();
    }

    private static long count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private String logs() {
        return compose.compose(TIMEOUT, "logs", "--no-color", "ingest").output();
    }

    /** The project's files as a user's checkout has them, with empty data folders. */
    private void copyProject() throws IOException {
        if (Files.exists(project)) {
            Compose.run(Path.of("."), Map.of(), TIMEOUT, "rm", "-rf", project.toString()).ok();
        }
        Files.createDirectories(project);
        for (String name : PROJECT_FILES) {
            Compose.run(Path.of("."), Map.of(), TIMEOUT, "cp", "-a", name, project.resolve(name).toString()).ok();
        }
        for (String folder : List.of("inbox", "outbox", "deadletter")) {
            Files.createDirectories(data.resolve(folder));
            Files.createSymbolicLink(project.resolve(folder), Path.of("data", folder));
        }
    }

    /**
     * The uid and gid the container runs as, as the README tells a Linux user: their own ({@code id -u}, {@code id
     * -g}), who owns the data folders; as root, the image's user, who is then given the folders.
     */
    private String[] folderOwner() {
        String uid = Compose.run(Path.of("."), Map.of(), TIMEOUT, "id", "-u").ok().output().strip();
        String gid = Compose.run(Path.of("."), Map.of(), TIMEOUT, "id", "-g").ok().output().strip();
        if (!uid.equals("0")) {
            return new String[] {uid, gid};
        }
        Compose.run(Path.of("."), Map.of(), TIMEOUT, "chown", "-R", IMAGE_UID + ":" + IMAGE_UID, data.toString()).ok();
        return new String[] {IMAGE_UID, IMAGE_UID};
    }
}
