package io.csvingest.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.csvingest.IngestException;
import io.csvingest.deadletter.RejectFile;
import io.csvingest.intake.Feed;
import io.csvingest.intake.FileLoad;
import io.csvingest.intake.FileClaims;
import io.csvingest.intake.Folders;
import io.csvingest.intake.UnchangedFile;
import io.csvingest.ledger.LoadLedger;
import io.csvingest.parse.CsvSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Closes a file's account: refuses the file if its counts do not add up (nothing may go missing silently), and
 * once its transaction has committed writes its JSON report beside it in the outbox and logs its summary line.
 */
public class FileOutcome implements Processor {

    @Override
    public void process(Exchange exchange) {
        FileLoad load = FileLoad.of(exchange);
        if (!load.reconciles()) {
            throw new IngestException("The row counts of " + load.fileName() + " do not add up (" + load.read()
                                      + " read, " + load.loaded() + " loaded, " + load.rejected() + " rejected, "
                                      + load.duplicates() + " duplicates, " + load.blank() + " blank, " + load.filtered()
                                      + " filtered); nothing was loaded. This is a bug: please report it with the file");
        }
        UnchangedFile.check(exchange);
        FileClaims.confirm(exchange);
        // in the file's transaction: the rows and the ledger's "loaded" commit together, or neither does
        exchange.getContext().getRegistry().findSingleByType(LoadLedger.class)
                .loaded(exchange.getProperty(LoadLedger.ENTRY, Long.class), load);
        Feed feed = Feed.of(exchange);
        RejectFile rejects = RejectFile.of(exchange);
        String rejectsName = rejects.hasRejects() ? rejects.outboxTarget().getFileName().toString() : null;
        String delimiter = String.valueOf(CsvSource.of(exchange).delimiter());
        Path report = Folders.reportFile(feed.folders().outboxTarget(load.fileName(), Feed.pickedUp(exchange)));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                try {
                    FileReport.write(report, feed, load, delimiter, rejectsName);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot write the report " + report, e);
                }
                FileLoadLog.log(feed, load, rejectsName == null ? null : "outbox/" + rejectsName);
                PipelineMetrics.file(done.getContext(), "loaded");
                PipelineMetrics.rows(done.getContext(), load);
            }
        });
    }
}
