package io.csvingest.intake;

import java.io.File;

import io.csvingest.feed.Folders;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileProcessStrategy;
import org.apache.camel.component.file.strategy.GenericFileProcessStrategySupport;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * A camel-file endpoint whose consumer loads a file from the in-progress folder and puts it back into the inbox when
 * its failure is a passing one ({@link InProgressProcessStrategy}); its read lock takes the file's claim, and skips the
 * quiet period for a file that arrived whole ({@link MovedInReadLock}).
 */
final class FeedFileEndpoint extends FileEndpoint {

    /** What the feed's intake shares with its camel-file consumer. */
    record Intake(IntakeGate gate, FileClaims claims, InProgress inProgress, StuckFiles stuck, Folders folders,
                  FeedActivity activity, boolean movedInAtOnce) {
    }

    private final Intake intake;

    FeedFileEndpoint(String uri, Component component, Intake intake) {
        super(uri, component);
        this.intake = intake;
    }

    @Override
    protected FileConsumer newFileConsumer(Processor processor, GenericFileOperations<File> operations) {
        GenericFileProcessStrategy<File> strategy = createGenericFileStrategy();
        if (intake.movedInAtOnce() && strategy instanceof GenericFileProcessStrategySupport<File> support) {
            support.setExclusiveReadLockStrategy(new MovedInReadLock(support.getExclusiveReadLockStrategy(), intake.claims(),
                    intake.inProgress()));
        }
        return new FileConsumer(this, processor, operations, new InProgressProcessStrategy(strategy, intake));
    }

    /** camel-file's settings, then the scheduler: polled every delay, and at once when a file arrives. */
    @Override
    public void configureConsumer(Consumer consumer) throws Exception {
        super.configureConsumer(consumer);
        if (consumer instanceof ScheduledPollConsumer polled) {
            polled.setScheduler(new ArrivalScheduler(getFile().toPath(), getDelay()));
        }
    }
}
