package io.csvingest.parse;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** How a feed's files are written: the delimiter (detected from the header line when unset) and the charset. */
public record Dialect(Character delimiter, Charset charset) {

    /** The delimiters auto-detection chooses from, in the order that breaks ties. */
    static final String CANDIDATES = ",;\t|";
    /** Characters of the header line looked at when detecting the delimiter. */
    static final int HEADER_LIMIT = 1 << 20;

    public static final Dialect DEFAULT = new Dialect(null, StandardCharsets.UTF_8);

    /** {@code ,} {@code ;} {@code |}, {@code tab} (or {@code \t}), or {@code auto} to detect it from the header line. */
    public Dialect withDelimiter(String option) {
        String lower = option.toLowerCase(Locale.ROOT);
        if (lower.equals("auto")) {
            return new Dialect(null, charset);
        }
        if (lower.equals("tab") || option.equals("\\t") || option.equals("\t")) {
            return new Dialect('\t', charset);
        }
        if (option.length() != 1 || option.charAt(0) == '"' || option.charAt(0) == '\n' || option.charAt(0) == '\r') {
            throw new IllegalArgumentException("delimiter must be one character such as ',' ';' '|' or 'tab', was '"
                                               + option + "'");
        }
        return new Dialect(option.charAt(0), charset);
    }

    /** A charset name such as {@code UTF-8} or {@code windows-1252}. */
    public Dialect withCharset(String name) {
        try {
            return new Dialect(delimiter, Charset.forName(name.strip()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("Unknown charset '" + name + "' (e.g. UTF-8, windows-1252, ISO-8859-1)", e);
        }
    }

    /**
     * The feed's delimiter, else the candidate seen most often outside quotes in the header line (comma when none).
     * The reader must support mark/reset; it is left where it was.
     */
    char delimiterFor(Reader reader) throws IOException {
        if (delimiter != null) {
            return delimiter;
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
