package io.csvingest.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import io.csvingest.SqlFile;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The load ledger table, one row per attempt to load a file ({@code db/migration}, applied by Flyway): what was
 * loaded, when, from which content, and what failed. A file's "loaded" row commits in the file's own transaction.
 */
public final class LoadLedger {

    /** The ledger id of the attempt in flight. */
    public static final LoadContext.Part<Long> ENTRY = LoadContext.part("ledger entry", "LedgerStart");

    private static final String START = SqlFile.read("ledger-start");
    private static final String LOADED = SqlFile.read("ledger-loaded");
    private static final String ENDED = SqlFile.read("ledger-ended");
    private static final String PREVIOUS_LOAD = SqlFile.read("ledger-previous-load");
    private static final String INTERRUPTED = SqlFile.read("ledger-interrupted");

    private final DataSource dataSource;
    /** Joins the file's transaction bound to the thread (Spring binds it to the pool). */
    private final JdbcTemplate inFileTransaction;
    /**
     * Never joins it: through another DataSource object, so on a connection of its own in auto-commit. An attempt's
     * start and failure must stay recorded when the file's transaction rolls back (failures are handled inside it).
     */
    private final JdbcTemplate jdbc;
    private final String instance;
    private volatile String defaultSchema;

    public LoadLedger(DataSource dataSource, String instance) {
        this.dataSource = dataSource;
        this.inFileTransaction = new JdbcTemplate(dataSource);
        this.jdbc = new JdbcTemplate(new DelegatingDataSource(dataSource));
        this.instance = instance;
    }

    /**
     * Creates or upgrades the ledger table to the newest version (a database dropped and created again gets it anew),
     * in the service user's default schema, and reads that schema: feeds without a schema of their own load there.
     * Safe to call whenever the database answers again.
     */
    public void migrate() {
        // the target database usually holds the user's tables already: start the history at version 0, then apply V1...
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .table("csv_ingest_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
        defaultSchema = jdbc.queryForObject("SELECT current_schema()", String.class);
    }

    /** This instance's name, as the ledger records it. */
    public String instance() {
        return instance;
    }

    /** The schema new tables go into unless a feed names one: the first schema of the user's search path that exists. */
    public String defaultSchema() {
        return defaultSchema;
    }

    /** Records a new attempt (committed at once, outside the file's transaction); returns its id. */
    public long start(String fileName, FileChecksum checksum, String feed, String schema, String table, String mode) {
        return jdbc.queryForObject(START, Long.class, fileName, checksum.sha256(), checksum.size(), feed, schema, table,
                mode, instance);
    }

    /** Marks the attempt loaded with its counts: on the file's transaction, so it commits with the rows. */
    public void loaded(long id, FileLoad load) {
        inFileTransaction.update(LOADED, load.read(), load.loaded(), load.rejected(), load.duplicates(), load.blank(),
                load.filtered(), id);
    }

    /** Ends an attempt that did not load: {@code duplicate}, {@code dead-lettered}, {@code waiting}, {@code interrupted}. */
    public void ended(long id, String status, String error) {
        jdbc.update(ENDED, status, error, id);
    }

    /**
     * "file.csv at 2026-11-22 10:15:00+00" when loading this file now would load content already there: the same
     * content loaded into the table before (append), or as the table's latest load ({@code latestOnly}: replace,
     * upsert); with {@code sameFileOnly} (reload feeds) only when this very file was loaded after it last changed.
     */
    public Optional<String> previousLoad(FileChecksum checksum, String schema, String table, boolean latestOnly,
                                         boolean sameFileOnly, String fileName, Instant lastModified) {
        List<String> previous = jdbc.query(PREVIOUS_LOAD,
                (rs, row) -> rs.getString("file_name") + " at " + rs.getString("finished_at"), checksum.sha256(), schema,
                table, latestOnly, sameFileOnly, fileName, Timestamp.from(lastModified));
        return previous.stream().findFirst();
    }

    /** Marks this instance's attempts left "started" (a crash, a lost connection) as interrupted; returns how many. */
    public int interruptStale() {
        return jdbc.update(INTERRUPTED, instance);
    }
}
