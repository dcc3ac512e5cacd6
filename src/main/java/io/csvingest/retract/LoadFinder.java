package io.csvingest.retract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import io.csvingest.SqlFile;
import io.csvingest.ledger.FileChecksum;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which load a file dropped into the retract folder names: a load's {@code .report.json} says it ({@code "load"});
 * any other file is taken for the very file that was loaded (its outbox copy) and found in the ledger by its content.
 */
public final class LoadFinder implements Processor {

    private static final String FIND_CONTENT = SqlFile.read("retract-find-content");
    private static final Pattern LOAD = Pattern.compile("\"load\"\\s*:\\s*(\\d+)");
    /** A report is small: more than this is no report of ours. */
    private static final long MAX_REPORT_BYTES = 1 << 20;

    private final JdbcTemplate jdbc;

    public LoadFinder(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Retraction retraction = RetractFolder.of(exchange);
        if (!Files.isRegularFile(retraction.taken(), LinkOption.NOFOLLOW_LINKS)) {
            throw new RetractRefused(retraction.name() + " is not a regular file (a symbolic link, a pipe...): drop the"
                                     + " loaded file itself or its .report.json, never a link to it");
        }
        retraction.loadId(retraction.name().endsWith(".report.json") ? fromReport(retraction) : fromContent(retraction));
    }

    private long fromReport(Retraction retraction) throws IOException {
        if (Files.size(retraction.taken()) > MAX_REPORT_BYTES) {
            throw new RetractRefused(retraction.name() + " is too large to be a load's report");
        }
        Matcher load = LOAD.matcher(Files.readString(retraction.taken(), StandardCharsets.UTF_8));
        if (!load.find()) {
            throw new RetractRefused(retraction.name() + " names no load (no \"load\" id: a report written before"
                                     + " csv-ingest recorded it, or no report of ours); drop the loaded file itself"
                                     + " (its copy in the outbox) instead");
        }
        return Long.parseLong(load.group(1));
    }

    private long fromContent(Retraction retraction) throws IOException {
        FileChecksum checksum;
        try (InputStream in = Files.newInputStream(retraction.taken())) {
            checksum = FileChecksum.of(in);
        }
        List<Map<String, Object>> loads = jdbc.queryForList(FIND_CONTENT, checksum.sha256());
        List<Map<String, Object>> loaded = loads.stream().filter(load -> "loaded".equals(load.get("status"))).toList();
        if (loaded.size() == 1) {
            return ((Number) loaded.get(0).get("id")).longValue();
        }
        if (loaded.size() > 1) {
            throw new RetractRefused("The content of " + retraction.name() + " was loaded " + loaded.size() + " times ("
                                     + loaded.stream().map(load -> "load " + load.get("id") + " into " + load.get("target"))
                                             .collect(Collectors.joining(", "))
                                     + "): drop the .report.json of the load to retract instead");
        }
        if (!loads.isEmpty()) {
            Map<String, Object> last = loads.get(loads.size() - 1);
            throw new RetractRefused("The load of " + retraction.name() + " (load " + last.get("id") + " into "
                                     + last.get("target") + ") was retracted already, at " + last.get("retracted_at"));
        }
        throw new RetractRefused("No load of the content of " + retraction.name() + " is in the ledger: it was never"
                                 + " loaded, or it was changed since. Drop the file as it was loaded (its copy in the"
                                 + " outbox) or its .report.json");
    }
}
