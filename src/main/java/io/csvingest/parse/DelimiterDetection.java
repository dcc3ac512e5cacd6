package io.csvingest.parse;

import java.io.IOException;
import java.io.Reader;

import io.csvingest.feed.Dialect;

/** Finds a file's delimiter: named by its own Excel {@code sep=} first line, else its feed's, else from its header line. */
final class DelimiterDetection {

    /** The delimiters auto-detection chooses from, in the order that breaks ties. */
    static final String CANDIDATES = ",;\t|";
    /** Characters of the header line looked at when detecting the delimiter. */
    static final int HEADER_LIMIT = 1 << 20;

    private DelimiterDetection() {
    }

    /**
     * The delimiter Excel's first line {@code sep=;} names (any one character but a quote or a line break; the case of
     * {@code sep} and white space after the character do not matter), or null when the file does not start with one.
     * The reader must support mark/reset; it is left where it was.
     */
    static Character sepLine(Reader reader) throws IOException {
        reader.mark(16);
        char[] line = new char[16];
        int n = 0;
        for (int c = reader.read(); c >= 0 && c != '\n' && c != '\r' && n < line.length; c = reader.read()) {
            line[n++] = (char) c;
        }
        reader.reset();
        String text = new String(line, 0, n).stripTrailing();
        if (text.length() == 5 && text.regionMatches(true, 0, "sep=", 0, 4) && text.charAt(4) != '"') {
            return text.charAt(4);
        }
        // "sep=" and a space or tab: the white space is the delimiter, stripped above
        if (text.length() == 4 && text.equalsIgnoreCase("sep=") && n > 4 && (line[4] == '\t' || line[4] == ' ')) {
            return line[4];
        }
        return null;
    }

    /**
     * The feed's delimiter, else the candidate seen most often outside quotes in the header line (comma when none).
     * The reader must support mark/reset; it is left where it was.
     */
    static char delimiterFor(Dialect dialect, Reader reader) throws IOException {
        if (dialect.delimiter() != null) {
            return dialect.delimiter();
        }
        reader.mark(HEADER_LIMIT);
        int[] counts = new int[CANDIDATES.length()];
        boolean quoted = false;
        for (int read = 0, c = reader.read(); c >= 0 && read < HEADER_LIMIT; read++, c = reader.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && CANDIDATES.indexOf(c) >= 0) {
                counts[CANDIDATES.indexOf(c)]++;
            }
        }
        reader.reset();
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return CANDIDATES.charAt(best);
    }
}
