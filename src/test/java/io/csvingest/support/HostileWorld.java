package io.csvingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The world a hostile-input suite runs in: its own database, as a superuser or as a role that owns its schema and
 * nothing else (the README's least-privilege example), its folders and feeds; and what every case checks afterwards:
 * nothing written outside the target schemas, pg_catalog untouched, the next good file still loads.
 */
public final class HostileWorld {

    /** Properties every hostile suite runs with (fast polls, small batches, a short stall bound). */
    public static final String POLL = "camel.component.feed.poll-delay=100";
    public static final String CHECK = "camel.component.feed.read-lock-check-interval=100";
    public static final String MIN_AGE = "camel.component.feed.read-lock-min-age=300";
    public static final String SWEEP = "camel.component.feed.unclaimed-check-interval=300";
    public static final String STALL = "camel.component.feed.stall-seconds=3";
    public static final String BATCH = "camel.component.feed.batch-size=500";
    public static final String RETRY = "db.retry-initial-ms=200";
    public static final String RETRY_MAX = "db.retry-max-ms=1000";
    public static final String FEEDS_POLL = "feeds.poll-interval=300";
    public static final String LEASE = "claims.lease-seconds=3";

    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A value no catalog ever holds: if it shows up in pg_catalog, a file wrote there. */
    public static final String MARKER = "hostile-marker-7c1e";

    private final String name;
    private final boolean superuser;
    private final TestDatabase db;
    private final Inbox folders;
    private final AtomicInteger goodFiles = new AtomicInteger();
    private List<String> elsewhere;

    /** {@code name}: the suite's database is {@code csv_ingest_<name>}, its folders {@code target/<name>}. */
    public HostileWorld(String name, boolean superuser) {
        this.name = name;
        this.superuser = superuser;
        this.db = new TestDatabase("csv_ingest_" + name);
        this.folders = new Inbox(Path.of("target", name));
    }

    /** The role the service connects as: the test server's superuser, or one that owns its own schema only. */
    public String role() {
        return superuser ? TestDatabase.USER : "csv_ingest_" + name;
    }

    /** The schema files load into unless a feed names one: the role's default (public, or the role's own schema). */
    public String schema() {
        return superuser ? "public" : role();
    }

    public boolean superuser() {
        return superuser;
    }

    public TestDatabase db() {
        return db;
    }

    public Inbox folders() {
        return folders;
    }

    /** Database, role, schemas, folders and feeds; then a snapshot of every relation outside the target schemas. */
    public void create() throws IOException {
        folders.reset();
        db.drop();
        if (!superuser) {
            db.admin("DROP ROLE IF EXISTS " + role());
            db.admin("CREATE ROLE " + role() + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT");
        }
        writeFeeds();
        recreateDatabase();
    }

    /** Drops the database (whoever is connected) and creates it again as {@link #create} first did. */
    public void recreateDatabase() {
        db.create();
        db.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        if (!superuser) {
            // the README's least-privilege example: a role that owns one schema (named like it, so it is its default)
            db.execute("CREATE SCHEMA " + role() + " AUTHORIZATION " + role());
        }
        db.execute("CREATE SCHEMA other" + (superuser ? "" : " AUTHORIZATION " + role()));
        // a schema the role does not own, with one table it may only insert into (the README's grant for a feed)
        db.execute("CREATE SCHEMA sales");
        db.execute("CREATE TABLE sales.orders (id bigint, amount numeric)");
        if (!superuser) {
            db.execute("GRANT USAGE ON SCHEMA sales TO " + role());
            db.execute("GRANT INSERT ON sales.orders TO " + role());
        }
        // sentinels: tables the hostile files must leave alone
        db.execute("CREATE TABLE public.y (id bigint)");
        db.execute("INSERT INTO public.y VALUES (1), (2)");
        db.execute("CREATE TABLE public.t (id bigint, v text)");
        db.execute("INSERT INTO public.t VALUES (0, 'public sentinel')");
        db.execute("CREATE OR REPLACE FUNCTION public.slow_statement() RETURNS trigger LANGUAGE plpgsql AS"
                   + " $$ BEGIN PERFORM pg_sleep(TG_ARGV[0]::float8); RETURN NULL; END $$");
        elsewhere = relationsElsewhere();
    }

    public void drop() {
        db.drop();
        if (!superuser) {
            db.admin("DROP ROLE IF EXISTS " + role());
        }
    }

    private void writeFeeds() throws IOException {
        Path routes = Files.createDirectories(folders.root().resolve("routes"));
        Files.copy(Path.of("routes/zero-config.yaml"), routes.resolve("zero-config.yaml"), StandardCopyOption.REPLACE_EXISTING);
        feed(routes, "good", "include: \"good-.*\\\\.csv\"\ntable: good");
        feed(routes, "other", "include: \"other-.*\\\\.csv\"\nschema: other\ntable: t");
        feed(routes, "sales", "include: \"sales-.*\\\\.csv\"\nschema: sales\ntable: orders");
        feed(routes, "public", "include: \"public-.*\\\\.csv\"\nschema: public\ntable: public_t");
        feed(routes, "missing", "include: \"missing-.*\\\\.csv\"\nschema: no_such_schema");
        feed(routes, "inserts", "include: \"p0001-insert\\\\.csv\"\nmethod: insert");
        feed(routes, "linked", "include: \".*\\\\.csv\"\nfolder: linked");
        feed(routes, "catalog", "include: \"catalog-.*\\\\.csv\"\nschema: pg_catalog");
    }

    private static void feed(Path routes, String name, String parameters) throws IOException {
        Files.writeString(routes.resolve(name + ".yaml"), TestFeeds.yaml(name, parameters));
    }

    /** Writes the file beside the inbox and moves it in whole. */
    public Path drop(String fileName, String content) {
        return drop(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path drop(String fileName, byte[] content) {
        try {
            Path staged = folders.root().resolve(".staging-" + System.nanoTime());
            Files.write(staged, content);
            return Files.move(staged, folders.inbox().resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the stamped data file of {@code fileName} (by its stem) in the outbox; returns it. */
    public Path awaitLoaded(String stemPrefix) {
        return Await.dataFiles(folders.outbox(), stemPrefix, 1, TIMEOUT).get(0);
    }

    /** Waits for the file in the dead-letter folder with its reason file; returns the reason. */
    public String awaitReason(String stemPrefix) {
        Await.until("the reason file of " + stemPrefix + "* in the dead letter", TIMEOUT,
                () -> reasonFile(stemPrefix).isPresent() && !Await.dataFiles(folders.deadLetter(), stemPrefix).isEmpty());
        return Inbox.read(reasonFile(stemPrefix).orElseThrow());
    }

    private Optional<Path> reasonFile(String stemPrefix) {
        return Await.list(folders.deadLetter(), stemPrefix).stream()
                .filter(f -> f.getFileName().toString().endsWith(".reason.txt")).findFirst();
    }

    /** The statuses of the ledger's attempts at {@code fileName}, oldest first. */
    public List<String> ledger(String fileName) {
        return db.rows("SELECT status FROM " + ledgerTable() + " WHERE file_name = '" + fileName.replace("'", "''")
                       + "' ORDER BY id").stream().map(row -> row.get(0)).toList();
    }

    /** The load ledger, in the role's default schema (the test's own connection has another search path). */
    public String ledgerTable() {
        return schema() + ".csv_ingest_ledger";
    }

    public boolean tableExists(String schema, String table) {
        return !db.rows("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '"
                        + schema + "' AND c.relname = '" + table.replace("'", "''") + "'").isEmpty();
    }

    public long count(String qualifiedTable) {
        return db.count(qualifiedTable);
    }

    /**
     * Every relation outside the target schemas is as it was when the suite started (nothing created, dropped or
     * filled there), the sentinels hold their rows, and no catalog holds the marker a hostile file carried.
     */
    public void assertNothingTouchedElsewhere() {
        assertEquals(elsewhere, relationsElsewhere(), "relations outside the target schemas");
        assertEquals(List.of(List.of("2")), db.rows("SELECT count(*) FROM public.y"));
        assertEquals(List.of(List.of("1")), db.rows("SELECT count(*) FROM public.t"));
        assertEquals(List.of(List.of("0")), db.rows("SELECT count(*) FROM pg_catalog.pg_description WHERE description = '"
                                                    + MARKER + "'"));
    }

    /** Relations outside the role's default schema and {@code other} (the feeds' targets): they must never change. */
    private List<String> relationsElsewhere() {
        return db.rows("SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text FROM pg_class c"
                       + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                       + " WHERE n.nspname NOT IN ('" + schema() + "', 'other') AND n.nspname NOT LIKE 'pg_toast%'"
                       + " AND n.nspname NOT LIKE 'pg_temp%' ORDER BY 1").stream().map(row -> row.get(0)).toList();
    }

    /** Drops a good file and waits until it has loaded: whatever came before did not stop the intake. */
    public void assertNextGoodFileLoads() {
        int n = goodFiles.incrementAndGet();
        long before = tableExists(schema(), "good") ? count(schema() + ".good") : 0;
        drop("good-" + n + ".csv", "id,note\n" + n + ",good file " + n + "\n");
        Await.dataFiles(folders.outbox(), "good-" + n + "-", 1, TIMEOUT);
        assertEquals(before + 1, count(schema() + ".good"), "the next good file loaded");
        assertNothingTouchedElsewhere();
    }

    /** The file in the in-progress folder ({@code inbox/.csv-ingest/<attempt>/<name>}), once it is there. */
    public Path awaitInProgress(String fileName) {
        Await.until(fileName + " in the in-progress folder", TIMEOUT, () -> inProgress(fileName).isPresent());
        return inProgress(fileName).orElseThrow();
    }

    private Optional<Path> inProgress(String fileName) {
        Path root = folders.inbox().resolve(".csv-ingest");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals(fileName)).findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** A table of the target schema, owned by the service's role, whose every filling statement sleeps {@code seconds}. */
    public void slowTable(String table, String columns, double seconds) {
        String qualified = schema() + "." + table;
        db.execute("CREATE TABLE " + qualified + " (" + columns + ")");
        db.execute("CREATE TRIGGER slow_statement AFTER INSERT ON " + qualified
                   + " FOR EACH STATEMENT EXECUTE FUNCTION public.slow_statement('" + seconds + "')");
        ownedByRole(qualified);
    }

    /** Makes the service's role own a table the test created (a no-op for the superuser). */
    public void ownedByRole(String qualifiedTable) {
        if (!superuser) {
            db.execute("ALTER TABLE " + qualifiedTable + " OWNER TO " + role());
        }
    }

    /** {@code rows} CSV rows {@code id,v} with {@code v} of the same width, so two such files have the same size. */
    public static String rows(int rows, char letter) {
        StringBuilder csv = new StringBuilder("id,v\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(String.format("%06d", i)).append(',').append(letter).append("-value\n");
        }
        return csv.toString();
    }

    public static void assertContains(String text, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(text.contains(fragment), "expected \"" + fragment + "\" in: " + text);
        }
    }
}
