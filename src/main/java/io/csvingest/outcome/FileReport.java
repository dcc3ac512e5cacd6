package io.csvingest.outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.csvingest.context.FileLoad;
import io.csvingest.feed.Feed;

/** The small JSON account of a loaded file, written beside it in the outbox ({@code <file>.report.json}). */
public final class FileReport {

    private FileReport() {
    }

    /**
     * {@code rejects}: the reject file's name in the outbox, null when no row was rejected; {@code loadId}: the load's
     * row in the ledger (what a retraction of the load names).
     */
    public static void write(Path report, Feed feed, FileLoad load, long loadId, String delimiter, String rejects) throws IOException {
        String json = "{\n"
                      + "  \"file\": " + quote(load.fileName()) + ",\n"
                      + "  \"load\": " + loadId + ",\n"
                      + "  \"feed\": " + quote(feed.name()) + ",\n"
                      + "  \"schema\": " + quote(load.schema()) + ",\n"
                      + "  \"table\": " + quote(load.table()) + ",\n"
                      + "  \"mode\": " + quote(feed.mode().option()) + ",\n"
                      + "  \"status\": \"loaded\",\n"
                      + "  \"started\": " + quote(load.started().toString()) + ",\n"
                      + "  \"finished\": " + quote(Instant.now().toString()) + ",\n"
                      + "  \"seconds\": " + String.format(Locale.ROOT, "%.3f", load.seconds()) + ",\n"
                      + "  \"rows\": {\"read\": " + load.read() + ", \"loaded\": " + load.loaded()
                      + ", \"rejected\": " + load.rejected() + ", \"duplicates\": " + load.duplicates()
                      + ", \"blank\": " + load.blank() + ", \"filtered\": " + load.filtered() + "},\n"
                      + "  \"batches\": " + load.batches() + ",\n"
                      + "  \"columns\": {\"added\": " + array(load.tableChanges().added())
                      + ", \"widened\": " + array(load.tableChanges().widened())
                      + ", \"ignored\": " + array(load.tableChanges().ignored())
                      + ", \"ignoredValues\": " + load.tableChanges().ignoredValues() + "},\n"
                      + "  \"delimiter\": " + quote(delimiter) + ",\n"
                      + "  \"charset\": " + quote(feed.dialect().charset().name()) + ",\n"
                      + "  \"rejectsFile\": " + (rejects == null ? "null" : quote(rejects)) + "\n"
                      + "}\n";
        Files.writeString(report, json, StandardCharsets.UTF_8);
    }

    /** A JSON array of string literals. */
    public static String array(List<String> texts) {
        return texts.stream().map(FileReport::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A JSON string literal (RFC 8259 escapes). */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
