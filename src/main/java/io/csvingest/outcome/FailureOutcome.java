package io.csvingest.outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import io.csvingest.RetryLater;
import io.csvingest.context.FileLoad;
import io.csvingest.feed.Feed;
import io.csvingest.feed.Folders;
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
 * Decides what happens to a file that failed, logs it and records it in the ledger. A passing failure (the database
 * went away, the service is stopping, {@link RetryLater}) leaves the file in the inbox to load again later; any other failure
 * dead-letters it, with {@code <file>.reason.txt} beside where camel-file's {@code moveFailed} puts it.
 */
public class FailureOutcome implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("csv-ingest");
    private static final String WRITTEN = "CsvIngestReasonWritten";

    @Override
    public void process(Exchange exchange) throws IOException {
        Feed feed = Feed.of(exchange);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (feed == null || failure == null || exchange.getProperty(WRITTEN, false, Boolean.class)) {
            return;
        }
        exchange.setProperty(WRITTEN, true);
        PickedUpFile file = PickedUpFile.of(exchange);
        Optional<String> change = file == null || RetryLater.in(failure) ? Optional.empty() : file.change();
        if (change.isPresent()) {
            // it failed while its file changed under it (cut short, rewritten): the change, not the file, is the
            // likely cause; it loads again once it stops changing (this failure becomes the exchange's, for camel-file)
            failure = new RetryLater(change.get(), failure);
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        }
        String fileName = Feed.fileName(exchange);
        String reason = FailureReason.describe(failure);
        if (staysInInbox(exchange)) {
            leaveInInbox(exchange, fileName, reason, failure);
            return;
        }
        endLedgerEntry(exchange, "dead-lettered", reason);
        PipelineMetrics.file(exchange.getContext(), "dead_lettered");
        Path target = feed.folders().deadLetterTarget(fileName, Feed.pickedUp(exchange));
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
     * Whether the failed file stays in the inbox to load again later: its failure passes (the database), or the
     * service is stopping. camel-file's {@code InProgressProcessStrategy} decides the same through the IntakeGate.
     */
    public static boolean staysInInbox(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return exchange.getContext().isStopping()
               || FailureReason.isPassing(failure) || RetryLater.in(failure);
    }

    private static void leaveInInbox(Exchange exchange, String fileName, String reason, Throwable failure) {
        if (RetryLater.in(failure)) {
            LOG.warn("Not loading {} now: {}", fileName, reason);
            endLedgerEntry(exchange, "interrupted", reason);
            PipelineMetrics.file(exchange.getContext(), "interrupted");
            return;
        }
        if (exchange.getContext().isStopping()) {
            LOG.warn("Stopped loading {} as the service stops ({}): nothing of it stays in the table; it stays in the inbox"
                     + " and loads at the next start", fileName, reason);
            endLedgerEntry(exchange, "interrupted", "service stopping: " + reason);
            PipelineMetrics.file(exchange.getContext(), "interrupted");
            return;
        }
        LOG.warn("Could not finish {}: {}. Nothing of it stays in the table; it stays in the inbox and loads again when"
                 + " the database answers", fileName, reason);
        // camel-file's InProgressProcessStrategy makes the same call (IntakeGate.isPassing) and leaves the file
        IntakeGate gate = exchange.getContext().getRegistry().findSingleByType(IntakeGate.class);
        if (gate != null) {
            gate.trip(failure);
        }
        endLedgerEntry(exchange, "waiting", reason);
        PipelineMetrics.file(exchange.getContext(), "waiting");
    }

    /** Best effort: the database may be the very thing that is missing (the attempt is then marked interrupted later). */
    private static void endLedgerEntry(Exchange exchange, String status, String reason) {
        Long entry = exchange.getProperty(LoadLedger.ENTRY, Long.class);
        LoadLedger ledger = exchange.getContext().getRegistry().findSingleByType(LoadLedger.class);
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
        FileLoad load = FileLoad.of(exchange);
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
