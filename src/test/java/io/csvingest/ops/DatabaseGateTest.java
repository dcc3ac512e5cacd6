package io.csvingest.ops;

import java.io.IOException;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.csvingest.ledger.LoadLedger;
import io.csvingest.support.Await;
import io.csvingest.support.LogCapture;
import io.csvingest.support.TcpProxy;
import io.csvingest.support.TestDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database gate on a real PostgreSQL behind a TCP proxy that can be cut: closed until the database answers, then
 * the ledger brought up to date; closed again when a load trips it, reopened by its probes with backoff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseGateTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TestDatabase db = new TestDatabase("csv_ingest_gate_test");
    private final LogCapture log = LogCapture.attach();
    private TcpProxy proxy;
    private HikariDataSource dataSource;
    private CamelContext context;
    private DatabaseGate gate;

    @BeforeAll
    void createDatabaseAndProxy() throws IOException {
        db.create();
        proxy = new TcpProxy(Integer.parseInt(TestDatabase.SERVER.replaceAll(".*:(\\d+)/.*", "$1")));
    }

    @AfterAll
    void dropDatabase() throws IOException {
        proxy.close();
        db.drop();
    }

    @BeforeEach
    void startGate() throws IOException {
        proxy.open();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/csv_ingest_gate_test");
        dataSource.setUsername(TestDatabase.USER);
        dataSource.setInitializationFailTimeout(-1);
        dataSource.setConnectionTimeout(1000);
        context = new DefaultCamelContext();
        context.start();
        gate = new DatabaseGate(context, dataSource, new LoadLedger(dataSource, "gate-test"), 100, 400);
    }

    @AfterEach
    void stopGate() {
        gate.stop();
        context.stop();
        dataSource.close();
    }

    @Test
    void should_stay_closed_while_the_database_does_not_answer_and_open_with_its_ledger_once_it_does() throws IOException {
        db.execute("DROP TABLE IF EXISTS csv_ingest_ledger, csv_ingest_claim, csv_ingest_schema_history");
        proxy.cut();
        gate.start();

        Await.until("a failed probe", TIMEOUT, () -> log.has("WARN", "Database unreachable", "files wait in the inbox"));
        assertFalse(gate.isOpen());
        proxy.open();

        Await.until("the gate open", TIMEOUT, gate::isOpen);
        assertTrue(db.tableExists("csv_ingest_ledger"), "the ledger brought up to date before files are taken");
        assertTrue(log.has("INFO", "Database answers: feeds take files"));
    }

    @Test
    void should_close_when_tripped_and_reopen_after_the_database_answers_again() throws IOException {
        gate.start();
        Await.until("the gate open", TIMEOUT, gate::isOpen);
        proxy.cut();

        gate.trip(new java.sql.SQLTransientConnectionException("lost it", "08006"));

        assertFalse(gate.isOpen(), "files wait from the first failure on");
        Await.until("probes that fail", TIMEOUT, () -> log.matching("WARN", "Database unreachable").size() >= 2);
        assertFalse(gate.isOpen());
        proxy.open();
        Await.until("the gate open again", TIMEOUT, gate::isOpen);
        assertTrue(log.has("INFO", "Database answers again after"));
    }

    @Test
    void should_bring_the_ledger_back_when_the_database_answers_without_it() {
        gate.start();
        Await.until("the gate open", TIMEOUT, gate::isOpen);
        db.execute("DROP TABLE csv_ingest_ledger, csv_ingest_claim, csv_ingest_schema_history");

        gate.trip(new java.sql.SQLException("relation \"csv_ingest_ledger\" does not exist", "42P01"));

        Await.until("the gate open again", TIMEOUT, gate::isOpen);
        assertTrue(db.tableExists("csv_ingest_ledger"));
    }
}
