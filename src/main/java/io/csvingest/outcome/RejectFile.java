package io.csvingest.outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.csvingest.clean.Reject;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import io.csvingest.feed.Folders;
import io.csvingest.intake.FailurePolicy;
import io.csvingest.intake.StuckFiles;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rejected rows of one file as CSV ({@code line,column,reason,record}: the record's original text), written
 * as {@code .part} while the file loads and moved beside the file: to the outbox, or to the dead-letter folder.
 */
public final class RejectFile {

    /** The reject file of the file being loaded. */
    public static final LoadContext.Part<RejectFile> PART = LoadContext.part("reject file", "RejectFile.prepare");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader("line", "column", "reason", "record").get();

    private final Path outboxTarget;
    private final Path deadLetterTarget;
    private final Path part;

    private CSVPrinter printer;
    private Reject first;

    private RejectFile(Path outboxTarget, Path deadLetterTarget) {
        this.outboxTarget = outboxTarget;
        this.deadLetterTarget = deadLetterTarget;
        this.part = outboxTarget.resolveSibling("." + outboxTarget.getFileName() + ".part");
    }

    /**
     * Prepares the file's reject file before its batches are split off (they share it); nothing is written until the
     * first reject. When the file's exchange is done the reject file moves beside the file: outbox or dead letter.
     */
    public static void prepare(Exchange exchange) {
        Feed feed = LoadContext.of(exchange).feed();
        String fileName = LoadContext.fileName(exchange);
        RejectFile rejects = new RejectFile(Folders.rejectsFile(feed.folders().outboxTarget(fileName, LoadContext.of(exchange).pickedUp())),
                Folders.rejectsFile(feed.folders().deadLetterTarget(fileName, LoadContext.of(exchange).pickedUp())));
        LoadContext.of(exchange).set(PART, rejects);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                if (!LoadContext.of(done).has(StuckFiles.CANNOT_MOVE)) {
                    rejects.moveTo(rejects.outboxTarget);
                }
            }

            @Override
            public void onFailure(Exchange failed) {
                if (LoadContext.of(failed).has(StuckFiles.CANNOT_MOVE)) {
                    return; // the file stays in the inbox (said once); its rejects are found again when it loads
                }
                if (FailurePolicy.staysInInbox(failed)) {
                    rejects.discard(); // the file loads again later and finds its rejects again
                } else {
                    rejects.moveTo(rejects.deadLetterTarget);
                }
            }
        });
    }

    public static RejectFile of(Exchange exchange) {
        return LoadContext.of(exchange).get(PART);
    }

    /** Whether any row was rejected (the file exists). */
    public boolean hasRejects() {
        return printer != null;
    }

    public synchronized void write(Reject reject) throws IOException {
        if (printer == null) {
            printer = new CSVPrinter(Files.newBufferedWriter(part, StandardCharsets.UTF_8), FORMAT);
            first = reject;
        }
        printer.printRecord(reject.line(), reject.column(), reject.reason(), reject.raw());
    }

    /** The first rejected row written (in line order within its batch), null when none was. */
    public Reject first() {
        return first;
    }

    /** Where the reject file goes when the file loads. */
    public Path outboxTarget() {
        return outboxTarget;
    }

    private synchronized void discard() {
        if (printer == null) {
            return;
        }
        try {
            printer.close();
            Files.deleteIfExists(part);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the reject file " + part, e);
        }
    }

    private synchronized void moveTo(Path target) {
        if (printer == null) {
            return;
        }
        try {
            printer.close();
            Files.createDirectories(target.getParent());
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the reject file " + part + " to " + target, e);
        }
    }
}
