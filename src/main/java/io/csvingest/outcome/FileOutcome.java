package io.csvingest.outcome;

import java.io.IOException;
import java.nio.file.Path;

import io.csvingest.IngestException;
import io.csvingest.context.FileLoad;
import io.csvingest.feed.Feed;
import io.csvingest.feed.Folders;
import io.csvingest.intake.FileClaims;
import io.csvingest.intake.FileProblems;
import io.csvingest.intake.PickedUpFile;
import io.csvingest.intake.StuckFiles;
import io.csvingest.ledger.LoadLedger;
import io.csvingest.metrics.PipelineMetrics;
import io.csvingest.parse.CsvSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a file's account: refuses the file if its counts do not add up (nothing may go missing silently), and
 * once its transaction has committed writes its JSON report beside it in the outbox and logs its summary line.
 */
public class FileOutcome implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("csv-ingest");

    @Override
    public void process(Exchange exchange) {
        FileLoad load = FileLoad.of(exchange);
        if (!load.reconciles()) {
            throw new IngestException("The row counts of " + load.fileName() + " do not add up (" + load.read()
                                      + " read, " + load.loaded() + " loaded, " + load.rejected() + " rejected, "
                                      + load.duplicates() + " duplicates, " + load.blank() + " blank, " + load.filtered()
                                      + " filtered); nothing was loaded. This is a bug: please report it with the file");
        }
        RejectFile rejected = RejectFile.of(exchange);
        if (load.loaded() == 0 && load.rejected() > 0) {
            // one rule for both load methods and any file size: a file of which nothing loads is not "loaded"
            throw new IngestException("None of the rows of " + load.fileName() + " could be loaded: " + load.rejected()
                                      + " were rejected (first, line " + rejected.first().line() + ": "
                                      + rejected.first().reason() + "), so nothing of it was loaded. The rejected rows"
                                      + " and their reasons are in the .rejects.csv file beside it");
        }
        PickedUpFile.of(exchange).checkUnchanged();
        FileClaims.confirm(exchange);
        // in the file's transaction: the rows and the ledger's "loaded" commit together, or neither does
        exchange.getContext().getRegistry().findSingleByType(LoadLedger.class)
                .loaded(exchange.getProperty(LoadLedger.ENTRY, Long.class), load);
        Feed feed = Feed.of(exchange);
        RejectFile rejects = rejected;
        String rejectsName = rejects.hasRejects() ? rejects.outboxTarget().getFileName().toString() : null;
        String delimiter = String.valueOf(CsvSource.of(exchange).delimiter());
        Path report = Folders.reportFile(feed.folders().outboxTarget(load.fileName(), Feed.pickedUp(exchange)));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                FileLoadLog.log(feed, load, rejectsName == null ? null : "outbox/" + rejectsName);
                PipelineMetrics.file(done.getContext(), "loaded");
                PipelineMetrics.rows(done.getContext(), load);
                try {
                    FileReport.write(report, feed, load, delimiter, rejectsName);
                } catch (IOException e) {
                    // the file cannot go there either: it stays in the inbox, set aside until the folder can be written
                    String why = FileProblems.plain(e);
                    StuckFiles.cannotMove(done, report.getParent(), why);
                    LOG.error("{} was loaded but its report cannot be written to {} ({}): the file stays in the inbox, set"
                              + " aside until that folder can be written (its rows are loaded: it then goes to the"
                              + " outbox as a duplicate)", load.fileName(), report.getParent(), why);
                }
            }
        });
    }
}
