package io.csvingest.intake;

import java.io.File;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileProcessStrategy;

/**
 * camel-file's own strategy (move to outbox, or to the dead letter on failure), except that a file whose failure
 * says "try again later" (the database went away, the service is stopping) is left where it is, in the inbox.
 */
final class WaitingProcessStrategy implements GenericFileProcessStrategy<File> {

    private final GenericFileProcessStrategy<File> delegate;
    private final IntakeGate gate;

    WaitingProcessStrategy(GenericFileProcessStrategy<File> delegate, IntakeGate gate) {
        this.delegate = delegate;
        this.gate = gate;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint) throws Exception {
        delegate.prepareOnStartup(operations, endpoint);
    }

    @Override
    public boolean begin(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                         GenericFile<File> file) throws Exception {
        return delegate.begin(operations, endpoint, exchange, file);
    }

    @Override
    public void abort(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                      GenericFile<File> file) throws Exception {
        delegate.abort(operations, endpoint, exchange, file);
    }

    @Override
    public void commit(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                       GenericFile<File> file) throws Exception {
        delegate.commit(operations, endpoint, exchange, file);
    }

    @Override
    public void rollback(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                         GenericFile<File> file) throws Exception {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (exchange.getContext().isStopping() || RetryLater.in(failure) || gate != null && gate.isPassing(failure)) {
            // release the read lock and leave the file: it is taken again at a later poll (or the next start)
            delegate.abort(operations, endpoint, exchange, file);
        } else {
            delegate.rollback(operations, endpoint, exchange, file);
        }
    }
}
