package io.csvingest.intake;

import java.io.File;

import io.csvingest.feed.Folders;
import org.apache.camel.Component;
import org.apache.camel.Processor;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;

/**
 * A camel-file endpoint whose consumer loads a file from the in-progress folder and puts it back into the inbox when
 * its failure is a passing one ({@link InProgressProcessStrategy}); its read lock takes the file's claim.
 */
final class FeedFileEndpoint extends FileEndpoint {

    /** What the feed's intake shares with its camel-file consumer. */
    record Intake(IntakeGate gate, FileClaims claims, InProgress inProgress, StuckFiles stuck, Folders folders,
                  FeedActivity activity) {
    }

    private final Intake intake;

    FeedFileEndpoint(String uri, Component component, Intake intake) {
        super(uri, component);
        this.intake = intake;
    }

    @Override
    protected FileConsumer newFileConsumer(Processor processor, GenericFileOperations<File> operations) {
        return new FileConsumer(this, processor, operations, new InProgressProcessStrategy(createGenericFileStrategy(), intake));
    }
}
