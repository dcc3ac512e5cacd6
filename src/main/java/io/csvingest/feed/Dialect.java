package io.csvingest.feed;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * How a feed's files are written: the delimiter (named by an Excel {@code sep=} first line, else detected from the
 * header line when unset), the charset, and whether white space around a quoted value is padding ({@code 1, "x,y"}:
 * as Excel, pgloader and Python's {@code skipinitialspace} read it) or makes the value unquoted text (strict RFC 4180).
 */
public record Dialect(Character delimiter, Charset charset, boolean quotePadding) {

    public static final Dialect DEFAULT = new Dialect(null, StandardCharsets.UTF_8, true);

    /** {@code ,} {@code ;} {@code |}, {@code tab} (or {@code \t}), or {@code auto} to detect it from the header line. */
    public Dialect withDelimiter(String option) {
        String lower = option.toLowerCase(Locale.ROOT);
        if (lower.equals("auto")) {
            return new Dialect(null, charset, quotePadding);
        }
        if (lower.equals("tab") || option.equals("\\t") || option.equals("\t")) {
            return new Dialect('\t', charset, quotePadding);
        }
        if (option.length() != 1 || option.charAt(0) == '"' || option.charAt(0) == '\n' || option.charAt(0) == '\r') {
            throw new IllegalArgumentException("delimiter must be one character such as ',' ';' '|' or 'tab', was '"
                                               + option + "'");
        }
        return new Dialect(option.charAt(0), charset, quotePadding);
    }

    /** A charset name such as {@code UTF-8} or {@code windows-1252}. */
    public Dialect withCharset(String name) {
        try {
            return new Dialect(delimiter, Charset.forName(name.strip()), quotePadding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("Unknown charset '" + name + "' (e.g. UTF-8, windows-1252, ISO-8859-1)", e);
        }
    }

    /** White space before an opening and after a closing quote read as padding (true), or strict RFC 4180 (false). */
    public Dialect withQuotePadding(boolean padding) {
        return new Dialect(delimiter, charset, padding);
    }

    /** The same dialect with the delimiter a file names for itself. */
    public Dialect withDelimiter(char named) {
        return new Dialect(named, charset, quotePadding);
    }

    /** The same dialect in the charset a file's byte order mark says. */
    public Dialect withCharset(Charset marked) {
        return new Dialect(delimiter, marked, quotePadding);
    }
}
