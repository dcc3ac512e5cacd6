package io.csvingest.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.csvingest.IngestException;
import io.csvingest.clean.CleanedHeader;
import io.csvingest.clean.Coercer;
import io.csvingest.clean.ColumnTypes;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import io.csvingest.intake.DropFolder;
import io.csvingest.intake.FeedRegistry;
import io.csvingest.parse.CsvSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check folder ({@code CHECK_DIR}): a file dropped there is taken by one instance (renamed into
 * {@code .taking/<instance>/}), run through its feed's reading, cleaning and typing without a write, and then
 * {@code <name>.check.json} and {@code <name>.check.sql} appear beside where it was, while the file moves to
 * {@code checked/} under a stamped name.
 */
public final class CheckFolder {

    private static final Logger LOG = LoggerFactory.getLogger(CheckFolder.class);

    private final DropFolder drops;
    private final Path inbox;
    private final FeedRegistry feeds;

    /** {@code inbox}: where a file is taken to have been dropped, for which feed takes it. */
    public CheckFolder(Path folder, String instance, Path inbox, FeedRegistry feeds) {
        this.drops = new DropFolder(folder, instance);
        this.inbox = inbox;
        this.feeds = feeds;
    }

    public DropFolder drops() {
        return drops;
    }

    /** Takes the dropped file for this instance (none when another instance renamed it first); its body becomes the taken file. */
    public void take(Exchange exchange) throws IOException {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        FileCheck check = new FileCheck(name);
        LoadContext.of(exchange).set(FileCheck.PART, check);
        check.taken(drops.take(name));
        if (check.taken() == null) {
            return; // another instance took it first
        }
        exchange.getIn().setBody(check.taken().toFile());
        try (InputStream in = Files.newInputStream(check.taken())) {
            byte[] start = in.readNBytes(3);
            check.bom(start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF);
        }
    }

    /** The feed that would take the file in the inbox, as the file's feed; a file no feed takes is checked no further. */
    public void feed(Exchange exchange) {
        FileCheck check = FileCheck.of(exchange);
        Optional<Feed> feed = feeds.feedFor(inbox, check.name());
        if (feed.isEmpty()) {
            throw new IngestException("no feed takes " + check.name() + " (see routes/ for the feeds and their include"
                                      + " patterns): dropped into the inbox it would stay there");
        }
        LoadContext.of(exchange).set(LoadContext.FEED, feed.get());
    }

    /** Writes the check's report and DDL and moves the file to {@code checked/}. */
    public void done(Exchange exchange) throws IOException {
        write(exchange, null);
    }

    /** The same when the check found the file cannot load: the report says why. */
    public void failed(Exchange exchange) throws IOException {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        write(exchange, failure.getMessage() == null ? failure.toString() : failure.getMessage());
    }

    private void write(Exchange exchange, String problem) throws IOException {
        FileCheck check = FileCheck.of(exchange);
        LoadContext context = LoadContext.of(exchange);
        Feed feed = context.find(LoadContext.FEED).orElse(null);
        FileLoad load = context.find(LoadContext.ACCOUNT).orElse(null);
        CsvSource source = context.find(CsvSource.PART).orElse(null);
        List<String> columns = context.find(CleanedHeader.PART).map(CleanedHeader::columns).orElse(null);
        List<io.csvingest.feed.ColumnType> types = context.find(Coercer.TYPES).map(ColumnTypes::asList).orElse(null);
        String json = CheckReport.json(check, feed, load, source == null ? null : String.valueOf(source.delimiter()),
                source != null && source.hasSepLine(), columns, types, problem);
        Files.writeString(drops.folder().resolve(check.name() + ".check.json"), json, StandardCharsets.UTF_8);
        Files.writeString(drops.folder().resolve(check.name() + ".check.sql"), CheckReport.sql(check, load, problem),
                StandardCharsets.UTF_8);
        drops.moveTo("checked", check.taken(), check.name(), Instant.now());
        if (problem == null) {
            LOG.info("Checked {}: {} rows read = {} would load + {} would be rejected + {} duplicates + {} blank into table {}"
                     + " ({}) -> check/{}.check.json", check.name(), load.read(), check.wouldLoad(), check.wouldReject(),
                    load.duplicates(), load.blank(), load.target(), check.tableExists() ? "exists" : "would be created",
                    check.name());
        } else {
            LOG.warn("Checked {}: it would not load: {} -> check/{}.check.json", check.name(), problem, check.name());
        }
    }
}
