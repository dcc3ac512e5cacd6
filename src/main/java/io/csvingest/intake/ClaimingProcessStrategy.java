package io.csvingest.intake;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileProcessStrategy;

/**
 * Takes a file only when this instance wins its {@link FileClaims claim} (another instance on the same inbox may
 * hold it), and lets the claim go once the file has been moved on or left to wait; wraps camel-file's strategy.
 */
final class ClaimingProcessStrategy implements GenericFileProcessStrategy<File> {

    private final GenericFileProcessStrategy<File> delegate;
    private final FileClaims claims;
    private final Path inbox;
    private final IntakeGate gate;

    ClaimingProcessStrategy(GenericFileProcessStrategy<File> delegate, FileClaims claims, Path inbox, IntakeGate gate) {
        this.delegate = delegate;
        this.claims = claims;
        this.inbox = inbox.toAbsolutePath().normalize();
        this.gate = gate;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint) throws Exception {
        delegate.prepareOnStartup(operations, endpoint);
    }

    /** Claims the file (false: another instance has it, or it is gone), then camel-file's read lock. */
    @Override
    public boolean begin(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                         GenericFile<File> file) throws Exception {
        Path absolute = Path.of(file.getAbsoluteFilePath()).normalize();
        String path = inbox.relativize(absolute).toString();
        try {
            if (!claims.claim(path)) {
                return false;
            }
        } catch (RuntimeException databaseAway) {
            if (gate != null) {
                gate.trip(databaseAway);
            }
            return false;
        }
        boolean begun = false;
        try {
            // another instance may have loaded and moved it between this poll's listing and the claim
            begun = Files.exists(absolute) && delegate.begin(operations, endpoint, exchange, file);
            exchange.setProperty(FileClaims.PATH, path);
            return begun;
        } finally {
            if (!begun) {
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
            release(exchange);
        }
    }

    private interface EndStep {
        void run() throws Exception;
    }

    private void release(Exchange exchange) {
        String path = exchange.getProperty(FileClaims.PATH, String.class);
        if (path != null) {
            claims.release(path);
        }
    }
}
