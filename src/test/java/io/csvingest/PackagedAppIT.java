package io.csvingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.csvingest.support.Await;
import io.csvingest.support.Inbox;
import io.csvingest.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
    private final Inbox folders = new Inbox(container);

    @BeforeAll
    void createDatabase() {
        db.create();
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @Test
    void should_load_a_sample_file_when_started_with_the_dockerfile_entrypoint_and_env() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(Path.of("Dockerfile"));
        folders.reset();
        dockerfile.copyFinalStageInto(container);
        Path secret = Files.writeString(container.getParent().resolve("db_password"), SECRET + "\n");
        Path log = container.getParent().resolve("stdout.log");

        ProcessBuilder builder = new ProcessBuilder(dockerfile.entrypoint(container))
                .directory(container.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(dotEnv(Path.of(".env")));
        builder.environment().put("DB_URL", db.url());
        builder.environment().put("DB_USER", TestDatabase.USER);
        builder.environment().put("DB_PASSWORD_FILE", secret.toAbsolutePath().toString());
        Process app = builder.start();
        try {
            Files.copy(Path.of("samples/sales.csv"), container.resolve(".sales.csv.part"));
            Files.move(container.resolve(".sales.csv.part"), folders.inbox().resolve("sales.csv"), StandardCopyOption.ATOMIC_MOVE);

            Await.files(folders.outbox(), "sales-", 1, TIMEOUT);

            assertEquals(List.of(
                    List.of("1001", "Alice Martin", "129.90", "t"),
                    List.of("1002", "Bob Chen", "15.00", "f"),
                    List.of("1003", "Chloé Dubois", "842.15", "t"),
                    List.of("1004", "Dmitri Ivanov", "64.50", "t")),
                    db.rows("SELECT order_id, customer, amount, paid FROM sales ORDER BY order_id"));
            assertEquals("Deliver to the back door\n(ring twice)", db.rows("SELECT note FROM sales WHERE order_id = 1003").get(0).get(0));
            Await.until("the per-file log line", TIMEOUT,
                    () -> Inbox.read(log).contains("Loaded sales.csv into table sales (append): 4 rows read = 4 loaded + 0 rejected + 0 duplicates + 0 blank,"));
        } finally {
            app.destroy(); // SIGTERM, as docker stop sends
            assertTrue(app.waitFor(40, TimeUnit.SECONDS), "the service stops on SIGTERM");
        }
        String stdout = Inbox.read(log);
        assertTrue(stdout.contains("(csv-ingest) shutdown in"), stdout);
        assertFalse(stdout.contains(SECRET), "the database password must never be logged");
    }

    private static Map<String, String> dotEnv(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                env.put(trimmed.substring(0, trimmed.indexOf('=')), trimmed.substring(trimmed.indexOf('=') + 1));
            }
        }
        return env;
    }

    /** The parts of the Dockerfile's final stage that decide how the application runs. */
    private record Dockerfile(String workdir, List<String[]> copies, List<String> entrypoint) {

        private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

        static Dockerfile read(Path file) throws IOException {
            String workdir = null;
            List<String[]> copies = new ArrayList<>();
            List<String> entrypoint = null;
            for (String line : Files.readAllLines(file)) {
                String[] words = line.strip().split("\\s+");
                switch (words[0]) {
                    case "FROM" -> copies.clear(); // only the final stage counts
                    case "WORKDIR" -> workdir = words[1];
                    case "COPY" -> copies.add(new String[] {words[words.length - 2], words[words.length - 1]});
                    case "ENTRYPOINT" -> entrypoint = jsonArray(line);
                    default -> { }
                }
            }
            return new Dockerfile(workdir, copies, entrypoint);
        }

        /** Replays the final stage's COPY lines: build output and sources from the project, into the WORKDIR stand-in. */
        void copyFinalStageInto(Path root) throws IOException {
            for (String[] copy : copies) {
                Path source = Path.of(copy[0].replaceFirst("^/build/", ""));
                Path target = root.resolve(copy[1]);
                copyTree(source, target);
            }
        }

        /** The ENTRYPOINT with absolute paths under WORKDIR pointing into the stand-in folder. */
        List<String> entrypoint(Path root) {
            return entrypoint.stream()
                    .map(arg -> arg.startsWith(workdir + "/") ? root.toAbsolutePath().resolve(arg.substring(workdir.length() + 1)).toString() : arg)
                    .toList();
        }

        private static List<String> jsonArray(String line) {
            List<String> values = new ArrayList<>();
            Matcher m = JSON_STRING.matcher(line.substring(line.indexOf('[')));
            while (m.find()) {
                values.add(m.group(1));
            }
            return values;
        }

        private static void copyTree(Path source, Path target) throws IOException {
            if (Files.isRegularFile(source)) {
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path : paths.toList()) {
                    Path destination = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
