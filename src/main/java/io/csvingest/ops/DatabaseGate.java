package io.csvingest.ops;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import io.csvingest.intake.FailurePolicy;
import io.csvingest.intake.IntakeGate;
import io.csvingest.ledger.LoadLedger;
import io.csvingest.outcome.FailureReason;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets feeds take files only while the database answers. Until it first answers (it may start after the service),
 * and whenever a load loses it, files wait in the inbox while the database is probed with exponential backoff and a
 * log line says why; each time it answers again, the ledger's schema is brought up to date (Flyway; a database
 * dropped and created again gets its ledger back) before the waiting files load.
 */
public final class DatabaseGate extends ServiceSupport implements IntakeGate {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGate.class);

    private final CamelContext context;
    private final DataSource dataSource;
    private final LoadLedger ledger;
    private final long initialDelay;
    private final long maxDelay;
    private ScheduledExecutorService probes;
    private volatile boolean open;
    private boolean probing;
    private long delay;
    private boolean everOpen;
    private Instant downSince = Instant.now();

    public DatabaseGate(CamelContext context, DataSource dataSource, LoadLedger ledger, long initialDelay, long maxDelay) {
        this.context = context;
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void trip(Throwable reason) {
        if (open) {
            open = false;
            downSince = Instant.now();
            LOG.warn("Database lost ({}): files wait in the inbox until it answers again", FailureReason.describe(reason));
        }
        scheduleProbe(initialDelay);
    }

    @Override
    protected void doStart() {
        probes = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "database-gate");
        delay = initialDelay;
        scheduleProbe(0);
    }

    @Override
    protected void doStop() {
        if (probes != null) {
            context.getExecutorServiceManager().shutdownNow(probes);
            probes = null;
        }
    }

    private synchronized void scheduleProbe(long after) {
        if (!probing && probes != null) {
            probing = true;
            delay = Math.max(after, initialDelay);
            probes.schedule(this::probe, after, TimeUnit.MILLISECONDS);
        }
    }

    private void probe() {
        try {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid(5)) {
                    throw new SQLTransientConnectionException("the connection did not answer", "08006");
                }
            } // given back before the migration and ledger take theirs: a pool of 2 must do
            // every time it answers again: it may be a database dropped and created anew, without the ledger
            ledger.migrate();
            int interrupted = ledger.interruptStale();
            synchronized (this) {
                String after = everOpen ? " again after " + Duration.between(downSince, Instant.now()).toSeconds() + " s" : "";
                // said before the first file is taken: the log reads in the order things happen
                LOG.info("Database answers{}: feeds take files{}", after,
                        interrupted > 0 ? " (" + interrupted + " interrupted attempt(s) marked in the ledger)" : "");
                probing = false;
                open = true;
                everOpen = true;
            }
        } catch (Exception e) {
            synchronized (this) {
                long next = delay;
                delay = Math.min(delay * 2, maxDelay);
                if (context.isStopping() || probes == null) {
                    return;
                } else if (FailurePolicy.isTransient(e)) {
                    LOG.warn("Database unreachable ({}): files wait in the inbox; next try in {} s",
                            FailureReason.describe(e), next / 1000.0);
                } else {
                    LOG.error("Database answers but the load ledger cannot be prepared ({}): files wait in the inbox;"
                              + " next try in {} s", FailureReason.describe(e), next / 1000.0);
                }
                if (probes != null && !probes.isShutdown()) {
                    probes.schedule(this::probe, next, TimeUnit.MILLISECONDS);
                }
            }
        }
    }
}
