package io.csvingest.intake;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import io.csvingest.RetryLater;
import io.csvingest.feed.Folders;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileProcessStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-file's own strategy (read lock, {@link InProgress preMove} out of the inbox, then a move to the outbox, or to
 * the dead letter on failure), and where a file goes when that is not the end: a file the {@link FailurePolicy} keeps
 * in the inbox (the database went away, the service is stopping, it changed) is put back to load again later; a move that
 * fails leaves it in the inbox, said once, and {@link StuckFiles sets it aside} until the folder can be written.
 */
final class InProgressProcessStrategy implements GenericFileProcessStrategy<File> {

    private static final Logger LOG = LoggerFactory.getLogger(InProgressProcessStrategy.class);

    private final GenericFileProcessStrategy<File> delegate;
    private final InProgress inProgress;
    private final StuckFiles stuck;
    private final Folders folders;

    InProgressProcessStrategy(GenericFileProcessStrategy<File> delegate, InProgress inProgress, StuckFiles stuck,
                              Folders folders) {
        this.delegate = delegate;
        this.inProgress = inProgress;
        this.stuck = stuck;
        this.folders = folders;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint) throws Exception {
        delegate.prepareOnStartup(operations, endpoint);
    }

    /** The read lock, then the move into the in-progress folder; a file that cannot be moved there is set aside. */
    @Override
    public boolean begin(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                         GenericFile<File> file) throws Exception {
        try {
            return delegate.begin(operations, endpoint, exchange, file);
        } catch (Exception e) {
            Path inboxFile = Path.of(file.getAbsoluteFilePath());
            String why = why(e);
            LOG.error("Cannot start loading {}: it cannot be moved into {} ({}); it stays in the inbox, set aside until"
                      + " that folder can be written", file.getFileName(), inProgress.folder(), why);
            stuck.add(inboxFile, inboxFile, inProgress.folder(), why);
            return false;
        }
    }

    @Override
    public void abort(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                      GenericFile<File> file) throws Exception {
        try {
            delegate.abort(operations, endpoint, exchange, file);
            inProgress.putBack(Path.of(file.getAbsoluteFilePath()));
        } finally {
            inProgress.done(Path.of(file.getAbsoluteFilePath()));
        }
    }

    /** Loaded: to the outbox; if it cannot go there, back into the inbox, set aside. */
    @Override
    public void commit(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                       GenericFile<File> file) throws Exception {
        try {
            moveOrSetAside(exchange, file, folders.outbox(), " was loaded but",
                    " (its rows are loaded: it then goes to the outbox as a duplicate)",
                    () -> delegate.commit(operations, endpoint, exchange, file),
                    () -> delegate.abort(operations, endpoint, exchange, file));
        } finally {
            inProgress.done(Path.of(file.getAbsoluteFilePath()));
        }
    }

    /** Failed: back into the inbox when the failure passes, else to the dead letter; if it cannot go there, set aside. */
    @Override
    public void rollback(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                         GenericFile<File> file) throws Exception {
        try {
            if (FailurePolicy.staysInInbox(exchange)) {
                // release the read lock and put the file back: it is taken again at a later poll (or the next start)
                delegate.abort(operations, endpoint, exchange, file);
                inProgress.putBack(Path.of(file.getAbsoluteFilePath()));
            } else {
                moveOrSetAside(exchange, file, folders.deadLetter(), " failed and", "",
                        () -> delegate.rollback(operations, endpoint, exchange, file),
                        () -> delegate.abort(operations, endpoint, exchange, file));
            }
        } finally {
            inProgress.done(Path.of(file.getAbsoluteFilePath()));
        }
    }

    /**
     * camel-file's move to {@code folder}; when it is known not to work (whoever wrote beside the file first found out
     * and said so) or it fails (said here, once), the file goes back into the inbox and is set aside.
     */
    private void moveOrSetAside(Exchange exchange, GenericFile<File> file, Path folder, String what, String after,
                                Step move, Step release) throws Exception {
        StuckFiles.CannotMove cannot = StuckFiles.cannotMove(exchange);
        if (cannot != null) {
            release.run();
            setAside(file, cannot.folder(), cannot.why());
            return;
        }
        try {
            move.run();
        } catch (Exception e) {
            String why = why(e);
            LOG.error("{}{} cannot be moved to {} ({}); it stays in the inbox, set aside until that folder can be written{}",
                    file.getFileNameOnly(), what, folder, why, after);
            setAside(file, folder, why);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Puts the file back into the inbox (from the in-progress folder) and sets it aside there. */
    private void setAside(GenericFile<File> file, Path folder, String why) throws IOException {
        Path current = Path.of(file.getAbsoluteFilePath());
        Path inboxFile = folders.inbox().resolve(inProgress.inboxPath(current));
        stuck.add(inboxFile, current, folder, why);
        inProgress.putBack(current);
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
