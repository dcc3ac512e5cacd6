package io.csvingest.intake;

import java.io.File;
import java.nio.file.Path;

import org.apache.camel.Component;
import org.apache.camel.Processor;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileProcessStrategy;

/**
 * A camel-file endpoint whose consumer takes a file only with its claim (several instances may share the inbox) and
 * leaves a file in the inbox when its failure is a passing one.
 */
final class FeedFileEndpoint extends FileEndpoint {

    private final IntakeGate gate;
    private final FileClaims claims;
    private final Path inbox;

    FeedFileEndpoint(String uri, Component component, IntakeGate gate, FileClaims claims, Path inbox) {
        super(uri, component);
        this.gate = gate;
        this.claims = claims;
        this.inbox = inbox;
    }

    @Override
    protected FileConsumer newFileConsumer(Processor processor, GenericFileOperations<File> operations) {
        GenericFileProcessStrategy<File> strategy = new WaitingProcessStrategy(createGenericFileStrategy(), gate);
        if (claims != null) {
            strategy = new ClaimingProcessStrategy(strategy, claims, inbox, gate);
        }
        return new FileConsumer(this, processor, operations, strategy);
    }
}
