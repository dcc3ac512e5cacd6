package io.csvingest.intake;

import java.io.File;

import io.csvingest.feed.Folders;
import org.apache.camel.Component;
import org.apache.camel.Processor;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileProcessStrategy;

/**
 * A camel-file endpoint whose consumer takes a file only with its claim (several instances may share the inbox),
 * loads it from the in-progress folder, and puts it back into the inbox when its failure is a passing one.
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
        GenericFileProcessStrategy<File> strategy = new InProgressProcessStrategy(createGenericFileStrategy(),
                intake.inProgress(), intake.stuck(), intake.folders());
        strategy = new ClaimingProcessStrategy(strategy, intake);
        return new FileConsumer(this, processor, operations, strategy);
    }
}
