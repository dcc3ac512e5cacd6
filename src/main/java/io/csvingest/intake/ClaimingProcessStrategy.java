package io.csvingest.intake;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import io.csvingest.context.LoadContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileProcessStrategy;

/**
 * Takes a file only when this instance wins its {@link FileClaims claim} (another instance on the same inbox may
 * hold it), and lets the claim go once the file has been moved on or left to wait; wraps camel-file's strategy. Tells
 * the feed's {@link FeedActivity} when a file starts and ends.
 */
final class ClaimingProcessStrategy implements GenericFileProcessStrategy<File> {

    private final GenericFileProcessStrategy<File> delegate;
    private final FeedFileEndpoint.Intake intake;

    ClaimingProcessStrategy(GenericFileProcessStrategy<File> delegate, FeedFileEndpoint.Intake intake) {
        this.delegate = delegate;
        this.intake = intake;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint) throws Exception {
        delegate.prepareOnStartup(operations, endpoint);
    }

    /** Claims the file (false: another instance has it, or it is gone), then camel-file's read lock and preMove. */
    @Override
    public boolean begin(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                         GenericFile<File> file) throws Exception {
        Path absolute = Path.of(file.getAbsoluteFilePath()).toAbsolutePath().normalize();
        String path = intake.inProgress().inboxPath(absolute);
        FileClaims claims = intake.claims();
        try {
            if (claims != null && !claims.claim(path)) {
                return false;
            }
        } catch (RuntimeException databaseAway) {
            if (intake.gate() != null) {
                intake.gate().trip(databaseAway);
            }
            return false;
        }
        boolean begun = false;
        try {
            // another instance may have loaded and moved it between this poll's listing and the claim
            begun = Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && delegate.begin(operations, endpoint, exchange, file);
            LoadContext.of(exchange).set(FileClaims.PATH, path);
            if (begun) {
                intake.activity().started(path);
            }
            return begun;
        } finally {
            if (!begun && claims != null) {
                claims.release(path);
            }
        }
    }

    @Override
    public void abort(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                      GenericFile<File> file) throws Exception {
        releasingAfter(exchange, () -> delegate.abort(operations, endpoint, exchange, file));
    }

    @Override
    public void commit(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                       GenericFile<File> file) throws Exception {
        releasingAfter(exchange, () -> delegate.commit(operations, endpoint, exchange, file));
    }

    @Override
    public void rollback(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                         GenericFile<File> file) throws Exception {
        releasingAfter(exchange, () -> delegate.rollback(operations, endpoint, exchange, file));
    }

    /** One of camel-file's end steps (the file has been moved, or stays), then the claim is let go whatever happened. */
    private void releasingAfter(Exchange exchange, EndStep step) throws Exception {
        try {
            step.run();
        } finally {
            intake.activity().ended();
            String path = LoadContext.of(exchange).find(FileClaims.PATH).orElse(null);
            if (path != null && intake.claims() != null) {
                intake.claims().release(path);
            }
        }
    }

    private interface EndStep {
        void run() throws Exception;
    }
}
