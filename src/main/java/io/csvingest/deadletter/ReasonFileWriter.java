package io.csvingest.deadletter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.csvingest.intake.Feed;
import io.csvingest.intake.FileLoad;
import io.csvingest.intake.Folders;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes {@code <file>.reason.txt} beside where camel-file's {@code moveFailed} puts a failed file, and logs it. */
public class ReasonFileWriter implements Processor {

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
        String fileName = Feed.fileName(exchange);
        String reason = FailureReason.describe(failure);
        Path target = feed.folders().deadLetterTarget(fileName, Feed.pickedUp(exchange));
        Files.createDirectories(target.getParent());
        Files.writeString(Folders.reasonFile(target), reasonText(exchange, feed, fileName, reason, failure),
                StandardCharsets.UTF_8);
        if (FailureReason.isExplained(failure)) {
            LOG.error("Failed {}: {} -> moved to {}", fileName, reason, target);
        } else {
            LOG.error("Failed {}: {} -> moved to {}", fileName, reason, target, failure);
        }
    }

    private static String reasonText(Exchange exchange, Feed feed, String fileName, String reason, Throwable failure) {
        FileLoad load = FileLoad.of(exchange);
        return "file:    " + fileName + "\n"
               + "feed:    " + feed.name() + "\n"
               + "table:   " + (load == null ? "(not decided)" : load.table()) + "\n"
               + "failed:  " + Instant.now() + "\n"
               + "reason:  " + reason + "\n"
               + "next:    fix the file (or the table), then move it back into the inbox to load it again\n"
               + "detail:  " + failure.getClass().getName() + ": " + failure.getMessage() + "\n";
    }
}
