package io.csvingest.intake;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import io.csvingest.context.LoadContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileProcessStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-file's own strategy (the read lock with the file's {@link FileClaims claim}, {@link InProgress preMove} out of
 * the inbox, then a move to the outbox, or to the dead letter on failure), and where a file goes when that is not the
 * end: a file the {@link FailurePolicy} keeps in the inbox (the database went away, the service is stopping, it
 * changed) is put back to load again later; a move that fails leaves it in the inbox, said once, and {@link StuckFiles
 * sets it aside} until the folder can be written. Tells the feed's {@link FeedActivity} when a file starts and ends.
 */
final class InProgressProcessStrategy implements GenericFileProcessStrategy<File> {

    private static final Logger LOG = LoggerFactory.getLogger(InProgressProcessStrategy.class);

    private final GenericFileProcessStrategy<File> delegate;
    private final FeedFileEndpoint.Intake intake;

    InProgressProcessStrategy(GenericFileProcessStrategy<File> delegate, FeedFileEndpoint.Intake intake) {
        this.delegate = delegate;
        this.intake = intake;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint) throws Exception {
        delegate.prepareOnStartup(operations, endpoint);
    }

    /**
     * The read lock (this instance's claim, then unchanged for the quiet period), then the move into the in-progress
     * folder; a file that cannot be moved there is set aside.
     */
    @Override
    public boolean begin(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                         GenericFile<File> file) throws Exception {
        String path = inProgress().inboxPath(Path.of(file.getAbsoluteFilePath()));
        boolean begun;
        try {
            begun = delegate.begin(operations, endpoint, exchange, file);
        } catch (Exception e) {
            Path inboxFile = Path.of(file.getAbsoluteFilePath());
            String why = why(e);
            LOG.error("Cannot start loading {}: it cannot be moved into {} ({}); it stays in the inbox, set aside until"
                      + " that folder can be written", file.getFileName(), inProgress().folder(), why);
            intake.stuck().add(inboxFile, inboxFile, inProgress().folder(), why);
            if (intake.claims() != null) {
                intake.claims().release(path); // its read lock was taken: camel-file's abort lets only "changed" go
            }
            return false;
        }
        if (begun) {
            LoadContext.of(exchange).set(FileClaims.PATH, path);
            intake.activity().started(path);
        }
        return begun;
    }

    /** Not begun after all, or let go: back into the inbox if it left it, and its claim let go. */
    @Override
    public void abort(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                      GenericFile<File> file) throws Exception {
        try {
            delegate.abort(operations, endpoint, exchange, file);
            inProgress().putBack(Path.of(file.getAbsoluteFilePath()));
        } finally {
            ended(exchange, file, true);
        }
    }

    /** Loaded: to the outbox (camel-file then lets the claim go); if it cannot go there, back into the inbox, set aside. */
    @Override
    public void commit(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                       GenericFile<File> file) throws Exception {
        boolean moved = false;
        try {
            moved = moveOrSetAside(exchange, file, intake.folders().outbox(), " was loaded but",
                    " (its rows are loaded: it then goes to the outbox as a duplicate)",
                    () -> delegate.commit(operations, endpoint, exchange, file),
                    () -> delegate.abort(operations, endpoint, exchange, file));
        } finally {
            ended(exchange, file, !moved);
        }
    }

    /** Failed: back into the inbox when the failure passes, else to the dead letter; if it cannot go there, set aside. */
    @Override
    public void rollback(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                         GenericFile<File> file) throws Exception {
        boolean moved = false;
        try {
            if (FailurePolicy.staysInInbox(exchange)) {
                // release the read lock and put the file back: it is taken again at a later poll (or the next start)
                delegate.abort(operations, endpoint, exchange, file);
                inProgress().putBack(Path.of(file.getAbsoluteFilePath()));
            } else {
                moved = moveOrSetAside(exchange, file, intake.folders().deadLetter(), " failed and", "",
                        () -> delegate.rollback(operations, endpoint, exchange, file),
                        () -> delegate.abort(operations, endpoint, exchange, file));
            }
        } finally {
            ended(exchange, file, !moved);
        }
    }

    /**
     * camel-file's move to {@code folder} (true); when it is known not to work (whoever wrote beside the file first
     * found out and said so) or it fails (said here, once), the file goes back into the inbox and is set aside.
     */
    private boolean moveOrSetAside(Exchange exchange, GenericFile<File> file, Path folder, String what, String after,
                                   Step move, Step release) throws Exception {
        StuckFiles.CannotMove cannot = StuckFiles.cannotMove(exchange);
        if (cannot != null) {
            release.run();
            setAside(file, cannot.folder(), cannot.why());
            return false;
        }
        try {
            move.run();
            return true;
        } catch (Exception e) {
            String why = why(e);
            LOG.error("{}{} cannot be moved to {} ({}); it stays in the inbox, set aside until that folder can be written{}",
                    file.getFileNameOnly(), what, folder, why, after);
            setAside(file, folder, why);
            return false;
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /**
     * The file's attempt is over: the in-progress folder forgets it, the feed's activity hears of it, and its claim is
     * let go where camel-file's read lock does not ({@code releaseClaim}: aborted, kept in the inbox, not moved).
     */
    private void ended(Exchange exchange, GenericFile<File> file, boolean releaseClaim) {
        inProgress().done(Path.of(file.getAbsoluteFilePath()));
        intake.activity().ended(inProgress().inboxPath(Path.of(file.getAbsoluteFilePath())));
        if (releaseClaim && intake.claims() != null) {
            LoadContext.of(exchange).find(FileClaims.PATH).ifPresent(intake.claims()::release);
        }
    }

    /** Puts the file back into the inbox (from the in-progress folder) and sets it aside there. */
    private void setAside(GenericFile<File> file, Path folder, String why) throws IOException {
        Path current = Path.of(file.getAbsoluteFilePath());
        Path inboxFile = intake.folders().inbox().resolve(inProgress().inboxPath(current));
        intake.stuck().add(inboxFile, current, folder, why);
        inProgress().putBack(current);
    }

    private InProgress inProgress() {
        return intake.inProgress();
    }

    private static String why(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return FileProblems.plain(io);
            }
        }
        return String.valueOf(e.getMessage());
    }
}
