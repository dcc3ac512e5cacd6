package io.csvingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.csvingest.StartupRefused;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import io.csvingest.feed.FileOrder;
import io.csvingest.feed.Folders;
import io.csvingest.feed.LoadMethod;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.ExpressionAdapter;

/** The {@code feed:} component: intake plumbing shared by every feed, so a YAML feed only names files and table. */
@org.apache.camel.spi.annotations.Component("feed")
public class FeedComponent extends DefaultComponent {

    @Metadata(defaultValue = "data/inbox", description = "The folder files are dropped into (INBOX_DIR)")
    private String inboxDir = "data/inbox";
    @Metadata(defaultValue = "data/outbox", description = "Where loaded files go, with their report (OUTBOX_DIR)")
    private String outboxDir = "data/outbox";
    @Metadata(defaultValue = "data/deadletter", description = "Where files that cannot be loaded go, with their reason (DEADLETTER_DIR)")
    private String deadletterDir = "data/deadletter";
    @Metadata(defaultValue = "5000", description = "Rows per batch for feeds that do not set batchSize (BATCH_SIZE)")
    private int batchSize = 5000;
    @Metadata(defaultValue = "2", description = "How many of an append feed's files load at once, for feeds that do not set"
                                             + " concurrentFiles (CONCURRENT_FILES)")
    private int concurrentFiles = 2;
    @Metadata(defaultValue = "copy", enums = "copy,insert", description = "How feeds load unless they set method (LOAD_METHOD)")
    private String loadMethod = LoadMethod.COPY.option();
    @Metadata(defaultValue = "500", description = "How often a feed's folder is listed, in milliseconds (POLL_DELAY_MS)")
    private long pollDelay = 500;
    @Metadata(defaultValue = "250", description = "How often a file is looked at while it may still be written, in milliseconds"
                                                + " (READ_LOCK_CHECK_INTERVAL_MS)")
    private long readLockCheckInterval = 250;
    @Metadata(defaultValue = "1000", description = "How long a file must be unchanged before it is read, in milliseconds"
                                                 + " (READ_LOCK_MIN_AGE_MS)")
    private long readLockMinAge = 1000;
    @Metadata(defaultValue = "true", description = "Whether a file moved or linked into the inbox whole (changed after its last"
                                                 + " write) is read at once, without the quiet period (MOVED_IN_AT_ONCE)")
    private boolean movedInAtOnce = true;
    @Metadata(defaultValue = "5000", description = "How often what no feed takes is reported and folders that could not be"
                                                 + " written are tried again, in milliseconds")
    private long unclaimedCheckInterval = 5000;
    @Metadata(defaultValue = "300", description = "How long a feed with files to load may make no progress before readiness"
                                                + " goes down, in seconds (STALL_SECONDS)")
    private long stallSeconds = 300;
    private final FeedRegistry registry = new FeedRegistry();
    private final StuckFiles stuck = new StuckFiles();
    private InProgress inProgress;
    private InboxUpkeep upkeep;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        FeedEndpoint endpoint = new FeedEndpoint(uri, this, remaining);
        endpoint.setBatchSize(batchSize);
        endpoint.defaultConcurrentFiles(concurrentFiles);
        endpoint.defaultMethod(LoadMethod.parse(loadMethod));
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /** Fails the start when a folder cannot be created or written; then starts the {@link InboxUpkeep}. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        Folders folders = folders();
        for (Path folder : List.of(folders.inbox(), folders.outbox(), folders.deadLetter())) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new StartupRefused("Not starting: the folder " + folder + " cannot be created ("
                                         + FileProblems.plain(e) + "); check INBOX_DIR, OUTBOX_DIR, DEADLETTER_DIR and"
                                         + " the mounts, and that this process's user may write there");
            }
            if (!Files.isWritable(folder)) {
                throw new StartupRefused("Not starting: the folder " + folder + " is not writable by this process's user"
                                         + " (under Docker: APP_UID/APP_GID in .env, your id -u / id -g)");
            }
        }
        inProgress = new InProgress(folders.inbox());
        upkeep = new InboxUpkeep(getCamelContext(), folders, registry, stuck, inProgress);
        upkeep.start(this, unclaimedCheckInterval, stallSeconds);
    }

    /** After the feeds stopped: files whose load could not finish in the shutdown timeout go back into the inbox. */
    @Override
    protected void doStop() throws Exception {
        if (upkeep != null) {
            upkeep.stop();
            upkeep = null;
        }
        super.doStop();
    }

    /** The inbox, outbox and dead-letter folders the feeds share. */
    public Folders folders() {
        return Folders.of(inboxDir, outboxDir, deadletterDir);
    }

    /** Which running feed takes which file. */
    public FeedRegistry registry() {
        return registry;
    }

    /**
     * A camel-file endpoint of its own for one feed's folder, not shared through the endpoint registry. A file is
     * taken once it stopped changing (read lock {@code changed}; at once when it was moved in whole, {@link MovedInReadLock}), while the {@link IntakeGate} is open (the database
     * answers), only if the {@link FeedRegistry} gives it to this feed and this instance wins its {@link FileClaims
     * claim} (the read lock {@code idempotent-changed}, with the claims as its repository, keyed by the file's path in
     * the inbox); it then moves to the outbox, or on failure to the dead-letter folder, under a stamped name; a
     * passing failure leaves it in the inbox. With an {@code order} (replace and upsert feeds), a file is only taken
     * when no file before it for the same table is pending ({@link InOrder}); else each poll goes through the files in
     * an order of its own.
     */
    FileEndpoint filesEndpoint(Path folder, String feed, FeedActivity activity, FileOrder order, String table) throws Exception {
        Folders folders = folders();
        IntakeGate gate = getCamelContext().getRegistry().findSingleByType(IntakeGate.class);
        FileClaims claims = getCamelContext().getRegistry().findSingleByType(FileClaims.class);
        FileEndpoint files = new FeedFileEndpoint("file:" + folder, getCamelContext().getComponent("file"),
                new FeedFileEndpoint.Intake(gate, claims, inProgress, stuck, folders, activity, movedInAtOnce));
        files.setCamelContext(getCamelContext());
        files.setFile(folder.toFile());
        files.setDelay(pollDelay);
        if (claims != null) {
            // the claim first (one instance of several sharing the inbox), then "changed": unchanged for the min age
            files.setReadLock("idempotent-changed");
            files.setIdempotentRepository(claims);
            files.setIdempotentKey(inProgress.claimKey());
            files.setReadLockRemoveOnCommit(true);
            files.setReadLockRemoveOnRollback(true);
        } else {
            files.setReadLock("changed");
        }
        files.setReadLockCheckInterval(readLockCheckInterval);
        files.setReadLockMinAge(readLockMinAge);
        // an empty file is taken too (and dead-lettered as empty) instead of blocking the poll
        files.setReadLockMinLength(0);
        // no .camelLock marker files: the claims in PostgreSQL decide which instance takes a file
        files.setReadLockMarkerFile(false);
        files.setReadLockDeleteOrphanLockFiles(false);
        // appends: each poll goes through its files in an order of its own (there is no order to keep: a listing's is
        // the file system's), so instances sharing an inbox seldom reach for the same file and lose a claim round trip
        InOrder inOrder = order == null ? null : new InOrder(feed, folder, table, order, inProgress, registry,
                readLockMinAge);
        files.setShuffle(inOrder == null);
        if (inOrder != null) {
            files.setSortBy(order == FileOrder.MODIFIED ? "file:modified;file:name" : "file:name");
        }
        files.setReadLockLoggingLevel(LoggingLevel.WARN);
        files.setFilter(new FeedFileFilter(feed, folder, gate, registry, stuck, inOrder));
        // out of the inbox the moment its load starts: its name is free for the next file, and what moves to the
        // outbox is the very file that was loaded
        files.setPreMove(inProgress.preMove());
        files.setPollStrategy(activity.pollStrategy(inOrder == null ? () -> { } : inOrder::refresh));
        files.setMove(target(folders::outboxTarget));
        files.setMoveFailed(target(folders::deadLetterTarget));
        return files;
    }

    private static Expression target(BiFunction<String, Instant, Path> folder) {
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                Path target = folder.apply(LoadContext.fileName(exchange), LoadContext.of(exchange).pickedUp());
                return LoadContext.of(exchange).has(LoadContext.DUPLICATE) ? Folders.markedDuplicate(target).toString()
                        : target.toString();
            }
        };
    }

    public String getInboxDir() {
        return inboxDir;
    }

    public void setInboxDir(String inboxDir) {
        this.inboxDir = inboxDir;
    }

    public String getOutboxDir() {
        return outboxDir;
    }

    public void setOutboxDir(String outboxDir) {
        this.outboxDir = outboxDir;
    }

    public String getDeadletterDir() {
        return deadletterDir;
    }

    public void setDeadletterDir(String deadletterDir) {
        this.deadletterDir = deadletterDir;
    }

    public String getLoadMethod() {
        return loadMethod;
    }

    /** How feeds load unless they say otherwise: {@code copy} (default) or {@code insert}. */
    public void setLoadMethod(String loadMethod) {
        this.loadMethod = LoadMethod.parse(loadMethod).option();
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getConcurrentFiles() {
        return concurrentFiles;
    }

    public void setConcurrentFiles(int concurrentFiles) {
        this.concurrentFiles = concurrentFiles;
    }

    public long getPollDelay() {
        return pollDelay;
    }

    public void setPollDelay(long pollDelay) {
        this.pollDelay = pollDelay;
    }

    public long getReadLockCheckInterval() {
        return readLockCheckInterval;
    }

    public void setReadLockCheckInterval(long readLockCheckInterval) {
        this.readLockCheckInterval = readLockCheckInterval;
    }

    public long getUnclaimedCheckInterval() {
        return unclaimedCheckInterval;
    }

    public void setUnclaimedCheckInterval(long unclaimedCheckInterval) {
        this.unclaimedCheckInterval = unclaimedCheckInterval;
    }

    public long getStallSeconds() {
        return stallSeconds;
    }

    /**
     * How long a feed with files to load may make no progress (no poll finished, no file started, no batch loaded)
     * before readiness goes down naming it: minutes, so a long file that moves on is never "stalled".
     */
    public void setStallSeconds(long stallSeconds) {
        this.stallSeconds = stallSeconds;
    }

    public boolean isMovedInAtOnce() {
        return movedInAtOnce;
    }

    /**
     * Whether a file moved or linked into the inbox whole is read at once (default), or waits out the quiet period like
     * a file written in place. Off for a file system whose change times do not follow Linux's (some network mounts).
     */
    public void setMovedInAtOnce(boolean movedInAtOnce) {
        this.movedInAtOnce = movedInAtOnce;
    }

    public long getReadLockMinAge() {
        return readLockMinAge;
    }

    public void setReadLockMinAge(long readLockMinAge) {
        this.readLockMinAge = readLockMinAge;
    }
}
