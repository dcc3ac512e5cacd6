package io.csvingest.outcome;

import java.io.IOException;
import java.nio.file.Path;

import io.csvingest.IngestException;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
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
 * Once a file's transaction has committed: writes its JSON report beside it in the outbox and logs its summary line
 * (or, when the outbox cannot be written, says so once and leaves the file in the inbox).
 */
public class FileOutcome implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(FileOutcome.class);

    private final PipelineMetrics metrics;

    public FileOutcome(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        FileLoad load = FileLoad.of(exchange);
        RejectFile rejects = RejectFile.of(exchange);
        Feed feed = LoadContext.of(exchange).feed();
        String rejectsName = rejects.hasRejects() ? rejects.outboxTarget().getFileName().toString() : null;
        String delimiter = String.valueOf(CsvSource.of(exchange).delimiter());
        long loadId = LoadContext.of(exchange).get(LoadLedger.ENTRY);
        Path report = Folders.reportFile(feed.folders().outboxTarget(load.fileName(), LoadContext.of(exchange).pickedUp()));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                FileLoadLog.log(feed, load, rejectsName == null ? null : "outbox/" + rejectsName);
                metrics.file("loaded");
                metrics.rows(load);
                try {
                    FileReport.write(report, feed, load, loadId, delimiter, rejectsName);
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
