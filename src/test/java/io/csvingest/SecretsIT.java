package io.csvingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.csvingest.support.Await;
import io.csvingest.support.Inbox;
import io.csvingest.support.PackagedApp;
import io.csvingest.support.PrivatePostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database password is data, never a template: one made of everything a placeholder parser, a shell or a trimmer
 * would touch logs the packaged service in to a PostgreSQL that checks passwords, from DB_PASSWORD and from
 * DB_PASSWORD_FILE, and neither it nor a wrong one shows in the log, the reports, the metrics or the health output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String DATABASE = "csv_ingest_secrets_it";
    private static final String ROLE = "csv_ingest_secrets_it";
    /**
     * Leading and trailing spaces, {{ }} and ${ }, a lone $, both quotes, a backslash, non-ASCII, a Camel property
     * function, a format specifier and a backslash-n that is no line break.
     */
    private static final String PASSWORD = " Ab{{x}}c${y}$z'\"\\ é-ü {{secret:DB_PASSWORD}} %s \\n ";
    /** What would betray the password in any output, also escaped (JSON), cut or trimmed. */
    private static final List<String> PASSWORD_PARTS = List.of(PASSWORD, PASSWORD.strip(), "Ab{{x}}c", "{{x}}", "${y}$z",
            "é-ü", "secret:DB_PASSWORD");
    private static final String WRONG = " Wr{{w}}ng${v}$q'\"\\ ö-ä ";
    private static final List<String> WRONG_PARTS = List.of(WRONG, WRONG.strip(), "Wr{{w}}ng", "{{w}}", "${v}$q", "ö-ä");

    private final Path root = Path.of("target/secrets-it");
    private final Path container = root.resolve("app");
    private final Inbox folders = new Inbox(container.resolve("data"));
    private PrivatePostgres postgres;
    private PackagedApp app;

    @BeforeAll
    void startAPostgresThatChecksPasswords() throws Exception {
        Optional<Path> bin = PrivatePostgres.binaries();
        Assumptions.assumeTrue(bin.isPresent(), "no PostgreSQL server binaries (initdb, pg_ctl) on this machine: the "
                + "127.0.0.1:5432 server trusts its clients, so a password can only be proven on a cluster of our own");
        postgres = PrivatePostgres.start(bin.get(), root.resolve("postgres"));
        assertEquals(List.of(List.of(PASSWORD)), postgres.rows("postgres", "SELECT " + PrivatePostgres.literal(PASSWORD)),
                "the literal carries the password unchanged");
        postgres.execute("postgres", "CREATE ROLE " + ROLE + " LOGIN PASSWORD " + PrivatePostgres.literal(PASSWORD));
        postgres.execute("postgres", "CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
        DriverManager.getConnection(postgres.url(DATABASE), ROLE, PASSWORD).close();
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(postgres.url(DATABASE), ROLE, PASSWORD.strip()).close());
        assertEquals("28P01", refused.getSQLState(), "the cluster checks passwords, to the last space");
    }

    @AfterAll
    void stopThePostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        Files.deleteIfExists(root.resolve("db_password"));
    }

    @BeforeEach
    void emptyFoldersAndLedger() {
        folders.reset();
        postgres.execute(DATABASE, "DROP TABLE IF EXISTS csv_ingest_ledger, csv_ingest_claim, csv_ingest_schema_history");
    }

    @AfterEach
    void killLeftovers() throws InterruptedException {
        if (app != null && app.process() != null && app.process().isAlive()) {
            app.kill(); // a failed test must not leave a service running
        }
    }

    private PackagedApp app(int management, Map<String, String> password) throws IOException {
        Map<String, String> env = new HashMap<>(Map.of(
                "DB_URL", postgres.url(DATABASE), "DB_USER", ROLE,
                "MANAGEMENT_PORT", String.valueOf(management), "INSTANCE_NAME", "secrets-it",
                "DB_RETRY_INITIAL_MS", "500", "DB_RETRY_MAX_MS", "1000", "DB_CONNECT_TIMEOUT_MS", "2000",
                "POLL_DELAY_MS", "200", "READ_LOCK_CHECK_INTERVAL_MS", "100", "READ_LOCK_MIN_AGE_MS", "300"));
        // the image's JRE base sets a UTF-8 locale (LANG); without one the JVM decodes a variable's non-ASCII as U+FFFD
        env.put("LANG", "C.UTF-8");
        env.putAll(password);
        app = new PackagedApp(container, env);
        return app;
    }

    /** Drops {@code table}.csv, waits for it in the outbox, and checks its rows landed as the role. */
    private void loads(String table) {
        folders.drop(table + ".csv", "id,v\n1," + table + "\n2,b\n");
        Await.dataFiles(folders.outbox(), table + "-", 1, TIMEOUT);
        assertEquals(List.of(List.of("1", table), List.of("2", "b")),
                postgres.rows(DATABASE, "SELECT id, v FROM " + table + " ORDER BY id"));
        assertEquals(List.of(List.of(ROLE)), postgres.rows(DATABASE,
                "SELECT tableowner FROM pg_tables WHERE tablename = '" + table + "'"), "created by the service's role");
        Await.files(folders.outbox(), table + "-", 2, TIMEOUT); // the file and its report
    }

    /** GET on the management port, as a probe and Prometheus see it: each answer by its path. */
    private static Map<String, String> observed(int management) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/observe/health/ready", "/observe/metrics", "/observe/health")) {
            answers.put("GET " + path, PackagedApp.get(management, path));
        }
        return answers;
    }

    /** The stdout log, every report and reason file, and {@code observed}: none holds any part of {@code secrets}. */
    private void assertShownNowhere(Map<String, String> observed, List<String> secrets) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>(observed);
        outputs.put("the service's stdout", app.log());
        for (Path folder : List.of(folders.outbox(), folders.deadLetter(), folders.inbox())) {
            for (Path file : Await.list(folder, "")) {
                String name = file.getFileName().toString();
                if (name.endsWith(".report.json") || name.endsWith(".reason.txt")) {
                    outputs.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        outputs.forEach((where, output) -> {
            for (String secret : secrets) {
                // the message must not show it either: only where, and how long the part is
                assertFalse(output.contains(secret), "a password shows in " + where + " (" + secret.length() + " characters of it)");
            }
        });
    }

    @Test
    void should_log_in_and_load_without_showing_the_password_when_it_is_in_db_password() throws Exception {
        assertEquals("UTF-8", System.getProperty("sun.jnu.encoding"),
                "this JVM hands the service its variables in its locale's encoding: run the tests under a UTF-8 locale");
        int management = PackagedApp.freePort();
        app(management, Map.of("DB_PASSWORD", PASSWORD)).start();
        assertTrue(app.process().isAlive(), "the service starts with a password that looks like a placeholder");

        loads("by_variable");
        Await.until("ready", TIMEOUT, () -> PackagedApp.get(management, "/observe/health/ready").startsWith("200 "));
        Map<String, String> observed = observed(management);
        assertTrue(observed.get("GET /observe/metrics").contains("csv_ingest_files_total{outcome=\"loaded\"} 1.0"));
        assertEquals(0, app.stop(40));

        assertTrue(Await.list(folders.outbox(), "by_variable-").stream().anyMatch(f -> f.toString().endsWith(".report.json")));
        assertShownNowhere(observed, PASSWORD_PARTS);
    }

    @Test
    void should_log_in_and_load_with_the_password_kept_whole_when_it_is_in_db_password_file() throws Exception {
        Path secret = Files.write(root.resolve("db_password"), (PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        int management = PackagedApp.freePort();
        // the file wins over the variable
        app(management, Map.of("DB_PASSWORD_FILE", secret.toAbsolutePath().toString(), "DB_PASSWORD", WRONG)).start();
        assertTrue(app.process().isAlive(), "the service starts with the password from its secret file");

        loads("by_file");
        Await.until("ready", TIMEOUT, () -> PackagedApp.get(management, "/observe/health/ready").startsWith("200 "));
        Map<String, String> observed = observed(management);
        assertEquals(0, app.stop(40));

        assertTrue(Await.list(folders.outbox(), "by_file-").stream().anyMatch(f -> f.toString().endsWith(".report.json")));
        List<String> secrets = new ArrayList<>(PASSWORD_PARTS);
        secrets.addAll(WRONG_PARTS);
        assertShownNowhere(observed, secrets);
    }

    @Test
    void should_keep_files_waiting_and_report_not_ready_without_showing_it_when_the_password_is_wrong() throws Exception {
        int management = PackagedApp.freePort();
        app(management, Map.of("DB_PASSWORD", WRONG)).start();
        assertTrue(app.process().isAlive(), "the service starts with a wrong password");
        String refused = "password authentication failed for user \"" + ROLE + "\"";
        Await.until("the refusal logged", TIMEOUT, () -> app.occurrences(refused) >= 1);

        folders.drop("waiting.csv", "id,v\n1,a\n");
        long refusedBefore = app.occurrences(refused);
        Await.until("another try refused with the file in the inbox", TIMEOUT, () -> app.occurrences(refused) > refusedBefore);
        assertTrue(Files.exists(folders.inbox().resolve("waiting.csv")), "the file waits in the inbox");
        assertEquals(List.of(), Await.list(folders.deadLetter(), ""));
        assertEquals(List.of(), postgres.rows(DATABASE, "SELECT 1 FROM pg_tables WHERE tablename = 'waiting'"));
        Map<String, String> observed = observed(management);
        assertTrue(observed.get("GET /observe/health/ready").startsWith("503 "), observed.get("GET /observe/health/ready"));
        assertTrue(observed.get("GET /observe/metrics").contains("csv_ingest_inbox_files 1.0"));
        assertEquals(0, app.stop(40));

        String log = app.log();
        assertTrue(log.contains("Database unreachable") && log.contains("files wait in the inbox"), log);
        List<String> secrets = new ArrayList<>(WRONG_PARTS);
        secrets.addAll(PASSWORD_PARTS);
        assertShownNowhere(observed, secrets);
    }
}
