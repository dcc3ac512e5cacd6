package io.csvingest.parse;

import java.io.IOException;
import java.io.Reader;

import io.csvingest.feed.Dialect;

/** Finds a file's delimiter from its header line, unless its feed names one. */
final class DelimiterDetection {

    /** The delimiters auto-detection chooses from, in the order that breaks ties. */
    static final String CANDIDATES = ",;\t|";
    /** Characters of the header line looked at when detecting the delimiter. */
    static final int HEADER_LIMIT = 1 << 20;

    private DelimiterDetection() {
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
