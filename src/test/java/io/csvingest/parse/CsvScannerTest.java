package io.csvingest.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import io.csvingest.feed.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scanner against files whose every record is known: random plain, quoted and empty fields (delimiters, doubled
 * quotes, LF, CRLF and CR inside quotes, white space after closing quotes, non-ASCII text), LF / CRLF / CR record ends,
 * empty lines, large enough to cross many buffer refills, read in blocks of random sizes.
 */
class CsvScannerTest {

    private static final String PLAIN = "abcxyz019 .-_é日😀\"'";
    private static final String QUOTED = PLAIN + ",;|\t\"\n\r";

    @TempDir
    Path dir;

    /** One generated record: its values, original text (without line end) and start line. */
    private record Expected(String[] values, String raw, long line) {
    }

    @Test
    void should_read_back_exactly_the_records_written_for_every_delimiter() throws IOException {
        for (char delimiter : new char[] {',', ';', '\t', '|'}) {
            for (long seed = 1; seed <= 3; seed++) {
                check(delimiter, false, new Random(seed * 31 + delimiter));
                check(delimiter, true, new Random(seed * 37 + delimiter));
            }
        }
    }

    /**
     * With quote padding, quoted fields get spaces before their opening quote too, and no unquoted value starts with
     * white space and a quote (that one is read as padded); strict, every text is read as written.
     */
    private void check(char delimiter, boolean padding, Random random) throws IOException {
        List<Expected> expected = new ArrayList<>();
        StringBuilder csv = new StringBuilder("a").append(delimiter).append("b\n");
        long line = 2;
        for (int r = 0; r < 4000; r++) {
            int fields = random.nextInt(10) == 0 ? 1 : 1 + random.nextInt(5);
            String[] values = new String[fields];
            StringBuilder raw = new StringBuilder();
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    raw.append(delimiter);
                }
                values[f] = field(random, delimiter, padding, raw);
            }
            String end = r == 3999 && random.nextBoolean() ? "" : new String[] {"\n", "\r\n", "\r"}[random.nextInt(3)];
            if (end.isEmpty() && raw.isEmpty()) {
                end = "\n";
            }
            if (raw.isEmpty() && end.startsWith("\n") && csv.charAt(csv.length() - 1) == '\r') {
                // CR then LF would be one CRLF line end, not an empty line
                end = "\r";
            }
            expected.add(new Expected(values, raw.toString(), line));
            line += breaks(raw + end);
            csv.append(raw).append(end);
        }
        Path file = Files.writeString(dir.resolve("random.csv"), csv, StandardCharsets.UTF_8);
        List<Expected> read = new ArrayList<>();
        Dialect dialect = Dialect.DEFAULT.withDelimiter(String.valueOf(delimiter)).withQuotePadding(padding);
        try (CsvSource source = CsvSource.open(file, dialect)) {
            assertEquals(List.of("a", "b"), source.header());
            Iterator<RecordBlock> blocks = source.batches(1 + random.nextInt(500));
            while (blocks.hasNext()) {
                RecordBlock block = blocks.next();
                for (int r = 0; r < block.size(); r++) {
                    read.add(new Expected(block.values(r), block.raw(r), block.line(r)));
                }
            }
        }
        assertEquals(expected.size(), read.size(), "records, delimiter " + (int) delimiter);
        for (int r = 0; r < expected.size(); r++) {
            assertArrayEquals(expected.get(r).values(), read.get(r).values(), "values of record " + r);
            assertEquals(expected.get(r).raw(), read.get(r).raw(), "text of record " + r);
            assertEquals(expected.get(r).line(), read.get(r).line(), "line of record " + r);
        }
    }

    /** Appends a random field's text to {@code raw}; returns its value. */
    private static String field(Random random, char delimiter, boolean padding, StringBuilder raw) {
        int kind = random.nextInt(4);
        if (kind == 0) {
            return "";
        }
        if (kind == 1) {
            String value = text(random, QUOTED, 1 + random.nextInt(20));
            String pad = padding && delimiter != '\t' && random.nextInt(3) == 0 ? " " : "";
            raw.append(pad).append('"').append(value.replace("\"", "\"\"")).append('"').append(" ".repeat(random.nextInt(3) == 0 ? 1 : 0));
            return value;
        }
        String value;
        do {
            value = text(random, PLAIN.replace(String.valueOf(delimiter), ""), 1 + random.nextInt(12));
        } while (value.startsWith("\"") || padding && value.strip().startsWith("\"") && value.charAt(0) == ' ');
        raw.append(value);
        return value;
    }

    private static String text(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        int[] codePoints = alphabet.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }

    /** Line breaks as the line numbers count them: LF, CRLF and a CR alone are one each. */
    private static long breaks(String text) {
        long breaks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }
}
