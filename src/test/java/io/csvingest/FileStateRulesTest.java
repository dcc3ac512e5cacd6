package io.csvingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A file's state travels in its {@code LoadContext} and nowhere else: no step of the service sets or reads an
 * exchange property or header of its own, but for Camel's own (the caught exception, camel-sql's query, camel-file's
 * names) and the row steps' columns (a row is handed to a feed's row-steps route as headers, by design).
 */
class FileStateRulesTest {

    private static final Pattern ACCESS = Pattern.compile(
            "\\.(setProperty|getProperty|removeProperty|setHeader|getHeader|removeHeader)\\(([^,)]*\\)?)|\\b(exchangeProperty|header)\\(([^)]+)\\)");
    /** What may be read or written besides the context: Camel's own names, and the row steps' column headers. */
    private static final Set<String> ALLOWED = Set.of(
            "PROPERTY", "Exchange.EXCEPTION_CAUGHT", "SqlConstants.SQL_QUERY", "Exchange.FILE_PATH",
            "Exchange.FILE_NAME_ONLY", "Exchange.FILE_LENGTH", "columns.get(i)", "\"log4j2.configurationFile\"");

    @Test
    void should_keep_every_file_state_in_its_load_context() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher access = ACCESS.matcher(lines.get(i));
                    while (access.find()) {
                        String key = (access.group(2) != null ? access.group(2) : access.group(4)).strip();
                        if (!ALLOWED.contains(key) && !key.startsWith("\"line\"")) {
                            found.add(source.getFileName() + ":" + (i + 1) + ": " + access.group().strip());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "exchange properties or headers outside the LoadContext");
    }
}
