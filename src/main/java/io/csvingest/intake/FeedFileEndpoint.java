package io.csvingest.intake;

import java.io.File;

import org.apache.camel.Component;
import org.apache.camel.Processor;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;

/** A camel-file endpoint whose consumer leaves a file in the inbox when its failure is a passing one. */
final class FeedFileEndpoint extends FileEndpoint {

    private final IntakeGate gate;

    FeedFileEndpoint(String uri, Component component, IntakeGate gate) {
        super(uri, component);
        this.gate = gate;
    }

    @Override
    protected FileConsumer newFileConsumer(Processor processor, GenericFileOperations<File> operations) {
        return new FileConsumer(this, processor, operations, new WaitingProcessStrategy(createGenericFileStrategy(), gate));
    }
}
