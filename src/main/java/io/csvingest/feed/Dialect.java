package io.csvingest.feed;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** How a feed's files are written: the delimiter (detected from the header line when unset) and the charset. */
public record Dialect(Character delimiter, Charset charset) {

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
}
