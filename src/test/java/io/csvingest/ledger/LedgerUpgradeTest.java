package io.csvingest.ledger;

import java.util.Arrays;
import java.util.List;

import io.csvingest.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A ledger made by an older csv-ingest (schema V2) upgrades in place: its rows kept, the new columns added. */
class LedgerUpgradeTest {

    private final TestDatabase db = new TestDatabase("csv_ingest_ledger_upgrade_test");
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void createDatabase() {
        db.create();
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.url());
        dataSource.setUser(TestDatabase.USER);
        dataSource.setPassword(System.getenv().getOrDefault("TEST_PG_PASSWORD", ""));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void should_upgrade_a_v2_ledger_in_place_keeping_its_rows() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("csv_ingest_schema_history")
                .baselineOnMigrate(true).baselineVersion("0").target("2").load().migrate();
        db.execute("INSERT INTO csv_ingest_ledger (file_name, checksum, size_bytes, feed, target_table, status, rows_loaded,"
                   + " instance) VALUES ('old.csv', 'abc', 10, 'zero-config', 'old', 'loaded', 3, 'old-host')");

        LoadLedger ledger = new LoadLedger(dataSource, "new-host");
        ledger.migrate();

        assertEquals(List.of(Arrays.asList("old.csv", "loaded", "3", "public", null, null, null, null)), db.rows(
                "SELECT file_name, status, rows_loaded, target_schema, mode, retracted_at, retracted_by, rows_retracted"
                + " FROM csv_ingest_ledger"));
        assertEquals(List.of(List.of("4")), db.rows("SELECT max(version::int) FROM csv_ingest_schema_history WHERE success"));
        long id = ledger.start("new.csv", new FileChecksum("def", 20), "zero-config", "public", "new", "upsert");
        assertEquals(List.of(List.of("upsert", "started")), db.rows("SELECT mode, status FROM csv_ingest_ledger WHERE id = " + id));
    }
}
