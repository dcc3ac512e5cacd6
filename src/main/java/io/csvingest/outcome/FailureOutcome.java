package io.csvingest.outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import io.csvingest.RetryLater;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import io.csvingest.feed.Folders;
import io.csvingest.intake.FailurePolicy;
import io.csvingest.intake.FileProblems;
import io.csvingest.intake.IntakeGate;
import io.csvingest.intake.PickedUpFile;
import io.csvingest.intake.StuckFiles;
import io.csvingest.ledger.LoadLedger;
import io.csvingest.metrics.PipelineMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says what became of a file that failed, in the log and the ledger, by the {@link FailurePolicy}: a file that waits
 * in the inbox (the database went away, the service is stopping, {@link RetryLater}) gets a WARN; a dead-lettered one
 * its {@code <file>.reason.txt} beside where camel-file's {@code moveFailed} puts it, and one ERROR line.
 */
public class FailureOutcome implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(FailureOutcome.class);
    /** Set once the failure is handled: the error handler of a sub-route and of its caller both see it. */
    private static final LoadContext.Part<Boolean> HANDLED = LoadContext.part("failure handled", "FailureOutcome");

    private final IntakeGate gate;
    private final LoadLedger ledger;
    private final PipelineMetrics metrics;

    public FailureOutcome(IntakeGate gate, LoadLedger ledger, PipelineMetrics metrics) {
        this.gate = gate;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        LoadContext context = LoadContext.of(exchange);
        Feed feed = context.find(LoadContext.FEED).orElse(null);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (feed == null || failure == null || context.has(HANDLED)) {
            return; // not a file's route (an insert, a row step), or handled already
        }
        context.set(HANDLED, true);
        Optional<String> change = RetryLater.in(failure) ? Optional.empty()
                : context.find(PickedUpFile.PART).flatMap(PickedUpFile::change);
        if (change.isPresent()) {
            // it failed while its file changed under it (cut short, rewritten): the change, not the file, is the
            // likely cause; it loads again once it stops changing (this failure becomes the exchange's, for camel-file)
            failure = new RetryLater(change.get(), failure);
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        }
        String fileName = LoadContext.fileName(exchange);
        String reason = FailureReason.describe(failure);
        switch (FailurePolicy.decide(exchange)) {
            case RETRY_LATER -> {
                LOG.warn("Not loading {} now: {}", fileName, reason);
                ended(exchange, "interrupted", reason);
            }
            case STOPPING -> {
                LOG.warn("Stopped loading {} as the service stops ({}): nothing of it stays in the table; it stays in the"
                         + " inbox and loads at the next start", fileName, reason);
                ended(exchange, "interrupted", "service stopping: " + reason);
            }
            case WAIT_FOR_DATABASE -> {
                LOG.warn("Could not finish {}: {}. Nothing of it stays in the table; it stays in the inbox and loads again"
                         + " when the database answers", fileName, reason);
                if (gate != null) {
                    gate.trip(failure);
                }
                ended(exchange, "waiting", reason);
            }
            case DEAD_LETTER -> deadLetter(exchange, feed, fileName, reason, failure);
        }
    }

    private void deadLetter(Exchange exchange, Feed feed, String fileName, String reason, Throwable failure) {
        ended(exchange, "dead-lettered", reason);
        Path target = feed.folders().deadLetterTarget(fileName, LoadContext.of(exchange).pickedUp());
        String where = "moved to " + target;
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(Folders.reasonFile(target), reasonText(exchange, feed, fileName, reason, failure),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the file cannot go there either: it stays in the inbox, set aside until the folder can be written
            String why = FileProblems.plain(e);
            StuckFiles.cannotMove(exchange, target.getParent(), why);
            where = "it cannot be moved to " + target.getParent() + " (" + why + "), so it stays in the inbox, set aside"
                    + " until that folder can be written";
        }
        if (FailureReason.isExplained(failure)) {
            LOG.error("Failed {}: {} -> {}", fileName, reason, where);
        } else {
            LOG.error("Failed {}: {} -> {}", fileName, reason, where, failure);
        }
    }

    /**
     * Ends the file's ledger entry, if it has one, and counts it. Best effort: the database may be the very thing that
     * is missing (the attempt is then marked interrupted later).
     */
    private void ended(Exchange exchange, String status, String reason) {
        metrics.file(status.replace('-', '_'));
        Long entry = LoadContext.of(exchange).find(LoadLedger.ENTRY).orElse(null);
        if (entry == null || ledger == null) {
            return;
        }
        try {
            ledger.ended(entry, status, reason);
        } catch (RuntimeException e) {
            LOG.debug("Could not record attempt {} as {} in the ledger: {}", entry, status, e.toString());
        }
    }

    private static String reasonText(Exchange exchange, Feed feed, String fileName, String reason, Throwable failure) {
        FileLoad load = LoadContext.of(exchange).find(LoadContext.ACCOUNT).orElse(null);
        return "file:    " + fileName + "\n"
               + "feed:    " + feed.name() + "\n"
               + "table:   " + (load == null ? "(not decided)" : load.target()) + "\n"
               + "failed:  " + Instant.now() + "\n"
               + "reason:  " + reason + "\n"
               + "next:    fix the file (or the table), then move it back into the inbox to load it again\n"
               // a failure we did not foresee: what a bug report needs (ours are explained in plain words above)
               + (FailureReason.isExplained(failure) ? "" : "detail:  " + FailureReason.technical(failure) + "\n");
    }
}
