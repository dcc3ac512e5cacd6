package io.csvingest.intake;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

import io.csvingest.RetryLater;
import io.csvingest.SqlFile;
import io.csvingest.context.LoadContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Which instance loads which inbox file, with PostgreSQL as the coordinator, so several instances can share one
 * inbox: a claim row per file with a lease, taken before the file is read, extended by a heartbeat while it loads,
 * deleted once the file has left the inbox. An instance that dies stops renewing; when the lease has run out another
 * instance takes the file over. The file's transaction confirms the claim just before it commits (fencing), so an
 * instance whose claim was taken over cannot commit the file a second time.
 * <p>
 * camel-file asks for a claim through its {@code idempotent-changed} read lock: this is its {@link
 * IdempotentRepository}, keyed by the file's path in the inbox (what Camel's own JDBC repository lacks: the lease
 * taken over in one atomic statement, and the fencing in the file's transaction).
 */
public final class FileClaims extends ServiceSupport implements IdempotentRepository {

    /** The claimed file's path relative to the inbox: the claim's key. */
    public static final LoadContext.Part<String> PATH = LoadContext.part("claimed path",
            "camel-file's read lock (InProgressProcessStrategy.begin)");

    private static final Logger LOG = LoggerFactory.getLogger(FileClaims.class);
    private static final String TAKE = SqlFile.read("claim-take");
    private static final String RENEW = SqlFile.read("claim-renew");
    private static final String CONFIRM = SqlFile.read("claim-confirm");
    private static final String RELEASE = SqlFile.read("claim-release");
    private static final String INTERRUPTED = SqlFile.read("claim-interrupted");

    /** Its own connection in auto-commit (another DataSource object, so never the file's bound transaction). */
    private final JdbcTemplate jdbc;
    /** Joins the file's transaction bound to the thread. */
    private final JdbcTemplate inFileTransaction;
    private final String owner;
    private final long leaseSeconds;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Supplier<ScheduledExecutorService> executors;
    private ScheduledExecutorService heartbeat;
    private volatile IntakeGate gate;

    public FileClaims(DataSource dataSource, String instance, long leaseSeconds, Supplier<ScheduledExecutorService> executors) {
        this.jdbc = new JdbcTemplate(new DelegatingDataSource(dataSource));
        this.inFileTransaction = new JdbcTemplate(dataSource);
        // unique per process start: a restarted instance never mistakes its predecessor's claims for its own
        this.owner = instance + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.leaseSeconds = leaseSeconds;
        this.executors = executors;
    }

    public String owner() {
        return owner;
    }

    public long leaseSeconds() {
        return leaseSeconds;
    }

    /** The gate to close when a claim cannot be asked for (the database is away): files then wait. */
    public void closeOnFailure(IntakeGate gate) {
        this.gate = gate;
    }

    /**
     * camel-file's read lock asks for the file: true when this instance now holds its claim. When the database does
     * not answer, false (the file stays in the inbox) and the gate closes until it answers again.
     */
    @Override
    public boolean add(String path) {
        try {
            return claim(path);
        } catch (RuntimeException databaseAway) {
            IntakeGate closing = gate;
            if (closing != null) {
                closing.trip(databaseAway);
            }
            return false;
        }
    }

    /** Whether a claim on the file holds now, this instance's or another's. */
    @Override
    public boolean contains(String path) {
        return held.contains(path) || !jdbc.queryForList(
                "SELECT 1 FROM csv_ingest_claim WHERE path = ? AND lease_until > now()", path).isEmpty();
    }

    /** camel-file's end step (the file moved on, or its read lock was let go): the claim is let go. */
    @Override
    public boolean remove(String path) {
        release(path);
        return true;
    }

    /** The file has left the inbox: nothing to keep, the claim is let go. */
    @Override
    public boolean confirm(String path) {
        release(path);
        return true;
    }

    /** Lets go of every claim this instance holds. */
    @Override
    public void clear() {
        List.copyOf(held).forEach(this::release);
    }

    /**
     * True when this instance holds the file's claim now and may load it (or put it back); false while another
     * instance does, or this instance already does, for another purpose.
     */
    public boolean claim(String path) {
        if (!held.add(path)) {
            return false;
        }
        List<String> takenOver;
        try {
            takenOver = jdbc.query(TAKE, (rs, row) -> String.valueOf(rs.getString(1)), path, path, owner, leaseSeconds);
        } catch (RuntimeException e) {
            held.remove(path);
            throw e;
        }
        if (takenOver.isEmpty()) {
            held.remove(path);
            return false;
        }
        if (!"null".equals(takenOver.get(0))) {
            String previous = takenOver.get(0);
            LOG.warn("Taking over {} from instance {}, whose claim's lease ran out (it stopped, or lost the database)",
                    path, previous);
            String instance = previous.substring(0, Math.max(0, previous.lastIndexOf('/')));
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            try {
                jdbc.update(INTERRUPTED, "instance " + previous + " stopped loading it; taken over by " + owner, fileName,
                        instance);
            } catch (RuntimeException e) {
                LOG.debug("Could not mark {}'s attempt at {} interrupted: {}", previous, path, e.toString());
            }
        }
        return true;
    }

    /** Whether this instance holds the file's claim now. */
    boolean holds(String path) {
        return held.contains(path);
    }

    /** Lets the file go (it left the inbox, or waits there to be taken again); best effort, the lease ends anyway. */
    public void release(String path) {
        held.remove(path);
        try {
            jdbc.update(RELEASE, path, owner);
        } catch (RuntimeException e) {
            LOG.debug("Could not release the claim on {} ({}); its lease runs out", path, e.toString());
        }
    }

    /** In the file's transaction, just before it commits: fails the file (to retry later) unless the claim is still ours. */
    public void confirm(Exchange exchange) {
        String path = LoadContext.of(exchange).find(PATH).orElse(null);
        if (path != null && !confirmInTransaction(path)) {
            throw new RetryLater("this instance's claim on " + path + " ran out and another instance took the file"
                                 + " over: nothing of this attempt is committed");
        }
    }

    /** True when the claim is still this instance's; it then holds for a full lease from now, locked until the commit. */
    boolean confirmInTransaction(String path) {
        return inFileTransaction.update(CONFIRM, leaseSeconds, path, owner) == 1;
    }

    /** The heartbeat: extends the leases of the files in flight. */
    void renew() {
        if (held.isEmpty()) {
            return;
        }
        try {
            jdbc.update(RENEW, leaseSeconds, owner, held.toArray(String[]::new));
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the claims on {} file(s) in flight ({}); another instance may take them over after"
                     + " {} s", held.size(), e.getMessage(), leaseSeconds);
        }
    }

    @Override
    protected void doStart() {
        heartbeat = executors.get();
        long period = Math.max(200, TimeUnit.SECONDS.toMillis(leaseSeconds) / 3);
        heartbeat.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
    }
}
