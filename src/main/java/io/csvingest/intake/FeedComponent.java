package io.csvingest.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.ExpressionAdapter;

/** The {@code feed:} component: intake plumbing shared by every feed, so a YAML feed only names files and table. */
@org.apache.camel.spi.annotations.Component("feed")
public class FeedComponent extends DefaultComponent {

    private String inboxDir = "inbox";
    private String outboxDir = "outbox";
    private String deadletterDir = "deadletter";
    private int batchSize = 1000;
    private long pollDelay = 1000;
    private long readLockCheckInterval = 1000;
    private long readLockMinAge = 2000;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        FeedEndpoint endpoint = new FeedEndpoint(uri, this, remaining);
        endpoint.setBatchSize(batchSize);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** Fails the start when a folder cannot be created or written: a failed move would reload the file forever. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        Folders folders = folders();
        for (Path folder : List.of(folders.inbox(), folders.outbox(), folders.deadLetter())) {
            Files.createDirectories(folder);
            if (!Files.isWritable(folder)) {
                throw new IllegalStateException("Folder " + folder + " is not writable by this process");
            }
        }
    }

    Folders folders() {
        return Folders.of(inboxDir, outboxDir, deadletterDir);
    }

    /**
     * A file consumer on the inbox for one include pattern. A file is taken only once it stopped changing
     * (read lock {@code changed}); on success it moves to the outbox, on failure to the dead-letter folder, both
     * under a stamped name so a later file of the same name never overwrites it.
     */
    FileEndpoint inboxEndpoint(String include) {
        Folders folders = folders();
        String uri = "file:" + folders.inbox()
                     + "?include=RAW(" + include + ")"
                     + "&delay=" + pollDelay
                     + "&readLock=changed"
                     + "&readLockCheckInterval=" + readLockCheckInterval
                     + "&readLockMinAge=" + readLockMinAge
                     // an empty file is taken too (and dead-lettered as empty) instead of blocking the poll
                     + "&readLockMinLength=0"
                     + "&readLockLoggingLevel=WARN";
        FileEndpoint inbox = getCamelContext().getEndpoint(uri, FileEndpoint.class);
        inbox.setMove(target(folders::outboxTarget));
        inbox.setMoveFailed(target(folders::deadLetterTarget));
        return inbox;
    }

    private static Expression target(BiFunction<String, Instant, Path> folder) {
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return folder.apply(Feed.fileName(exchange), Feed.pickedUp(exchange)).toString();
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

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
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

    public long getReadLockMinAge() {
        return readLockMinAge;
    }

    public void setReadLockMinAge(long readLockMinAge) {
        this.readLockMinAge = readLockMinAge;
    }
}
