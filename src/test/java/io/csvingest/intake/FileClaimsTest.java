package io.csvingest.intake;

import java.util.concurrent.Executors;

import com.zaxxer.hikari.HikariDataSource;
import io.csvingest.ledger.LoadLedger;
import io.csvingest.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File claims between two instances on the real PostgreSQL: one holder at a time, leases, fencing at commit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileClaimsTest {

    private static final int LEASE_SECONDS = 1;

    private final TestDatabase db = new TestDatabase("csv_ingest_file_claims_test");
    private HikariDataSource dataSource;
    private FileClaims first;
    private FileClaims second;

    @BeforeAll
    void createDatabase() {
        db.create();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.url());
        dataSource.setUsername(TestDatabase.USER);
        new LoadLedger(dataSource, "test").migrate();
        // no heartbeat (not started): leases run out unless the test renews them
        first = new FileClaims(dataSource, "first", LEASE_SECONDS, Executors::newSingleThreadScheduledExecutor);
        second = new FileClaims(dataSource, "second", LEASE_SECONDS, Executors::newSingleThreadScheduledExecutor);
    }

    @BeforeEach
    void noClaims() {
        db.execute("DELETE FROM csv_ingest_claim");
    }

    @AfterAll
    void dropDatabase() {
        dataSource.close();
        db.drop();
    }

    @Test
    void should_let_only_one_instance_claim_a_file_until_it_releases_it() {
        assertTrue(first.claim("a.csv"));
        assertFalse(second.claim("a.csv"), "held by the first instance with its lease running");
        assertFalse(first.claim("a.csv"), "held by this instance already: one use at a time (a load, or a put-back)");
        first.release("a.csv");
        assertTrue(second.claim("a.csv"));
        assertEquals("second", db.rows("SELECT split_part(instance, '/', 1) FROM csv_ingest_claim").get(0).get(0));
    }

    @Test
    void should_let_another_instance_take_a_file_over_once_its_lease_ran_out() {
        assertTrue(first.claim("b.csv"));
        // a lease that ran out, as when its instance stopped renewing it
        db.execute("UPDATE csv_ingest_claim SET lease_until = clock_timestamp() - interval '1 second'");
        assertTrue(second.claim("b.csv"));
        assertFalse(inFileTransaction(() -> first.confirmInTransaction("b.csv")), "the first instance may no longer commit the file");
        assertTrue(inFileTransaction(() -> second.confirmInTransaction("b.csv")));
    }

    @Test
    void should_hold_the_claim_a_full_lease_after_committing_a_file_whose_transaction_outlasted_the_lease() {
        assertTrue(first.claim("c.csv"));
        // the file's transaction began longer than a lease ago (a long load; its heartbeat kept the lease meanwhile)
        boolean confirmed = inFileTransaction(() -> {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.queryForList("SELECT pg_sleep(?)", LEASE_SECONDS + 0.2);
            first.renew();
            return first.confirmInTransaction("c.csv");
        });
        assertTrue(confirmed);
        // between its commit and the file's move, no other instance may take it over
        assertFalse(second.claim("c.csv"), "confirmed at commit for a lease counted from the clock");
    }

    private boolean inFileTransaction(java.util.function.BooleanSupplier work) {
        return Boolean.TRUE.equals(new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                .execute(status -> work.getAsBoolean()));
    }
}
