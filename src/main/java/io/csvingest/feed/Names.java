package io.csvingest.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

import io.csvingest.IngestException;
import io.csvingest.Utf8;

/**
 * The naming rules for what PostgreSQL sees: the letters and digits of any script (Unicode NFC, lower case where the
 * script has case, accents kept), every other run of characters one {@code _}, at most 63 UTF-8 bytes (a longer name
 * is cut and ends in {@code _} and 8 hex digits of a hash of the whole name, so two long names that share their first
 * 63 bytes stay two names, and a name always becomes the same identifier), and the table named after a file.
 */
public final class Names {

    /** PostgreSQL truncates identifiers at 63 bytes; we cut first, keeping a hash, so two long names cannot collide. */
    public static final int MAX_IDENTIFIER = 63;
    private static final int HASH_DIGITS = 8;

    private Names() {
    }

    /** lower_snake_case of letters (any script), digits and underscores; never starts with a digit; at most 63 bytes. */
    public static String snakeCase(String raw) {
        return fitted(unlimited(raw));
    }

    /** Whether {@link #snakeCase} had to shorten this name to fit PostgreSQL's limit. */
    public static boolean isShortened(String raw) {
        return Utf8.length(unlimited(raw)) > MAX_IDENTIFIER;
    }

    /** The name cut to 63 bytes: its beginning, {@code _}, and 8 hex digits of the whole name's SHA-256. */
    private static String fitted(String name) {
        if (Utf8.length(name) <= MAX_IDENTIFIER) {
            return name;
        }
        String hash = sha256(name).substring(0, HASH_DIGITS);
        return trimUnderscores(new StringBuilder(Utf8.cut(name, MAX_IDENTIFIER - HASH_DIGITS - 1))) + "_" + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unlimited(String raw) {
        String text = raw == null ? "" : Normalizer.normalize(raw.replace("\uFEFF", ""), Normalizer.Form.NFC).strip();
        StringBuilder out = new StringBuilder(text.length() + 4);
        int previous = ' ';
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (isNamePart(c)) {
                boolean wordStart = Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous));
                if (wordStart) {
                    out.append('_');
                }
                out.appendCodePoint(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            previous = c;
        }
        String name = trimUnderscores(out);
        if (!name.isEmpty() && Character.isDigit(name.codePointAt(0))) {
            name = "c_" + name;
        }
        return name;
    }

    /**
     * Whether a name can only be read as that one name: lower-case letters of any script, their marks, digits and
     * underscores, not starting with a digit, at most 63 bytes; never a quote or a space (what {@code
     * Identifiers.quote} relies on). Every name {@link #snakeCase} makes is plain.
     */
    public static boolean isPlain(String name) {
        if (name == null || name.isEmpty() || Utf8.length(name) > MAX_IDENTIFIER || Character.isDigit(name.codePointAt(0))) {
            return false;
        }
        return name.codePoints().allMatch(c -> c == '_' || isNamePart(c) && Character.toLowerCase(c) == c);
    }

    /**
     * The table a file loads into: the feed's table if it names one, else named after the file ({@code Sales 2024.csv}
     * → {@code sales_2024}). Refuses the service's own tables and names starting with {@code pg_} (which unqualified
     * queries would confuse with PostgreSQL's catalogs), with a reason a user can act on.
     */
    public static String tableFor(String configuredTable, String fileName) {
        String table = plainTableFor(configuredTable, fileName);
        ReservedNames.tableProblem(table).ifPresent(problem -> {
            throw new IngestException("Cannot load " + fileName + ": " + problem);
        });
        return table;
    }

    /** Whether the table named after this file had to be shortened to PostgreSQL's 63 bytes (a hash keeps it apart). */
    public static boolean shortenedFor(String configuredTable, String fileName) {
        return (configuredTable == null || configuredTable.isBlank()) && isShortened(stem(fileName));
    }

    private static String stem(String fileName) {
        return fileName.replaceFirst("(?i)(\\.[a-z0-9]{1,4})?(\\.gz)?$", "");
    }

    private static String plainTableFor(String configuredTable, String fileName) {
        if (configuredTable != null && !configuredTable.isBlank()) {
            if (!isPlain(configuredTable)) {
                throw new IngestException("The feed's table '" + configuredTable + "' is not a plain lower-case name"
                                          + " (letters, digits, single underscores)");
            }
            return configuredTable;
        }
        String table = snakeCase(stem(fileName));
        if (table.isEmpty()) {
            throw new IngestException("Cannot name a table after the file '" + fileName
                                      + "': it has no letters or digits; rename the file or give the feed a table");
        }
        return table;
    }

    /** Letters and digits of any script, and the marks that belong to them (Devanagari vowel signs, accents NFC leaves). */
    private static boolean isNamePart(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static String trimUnderscores(StringBuilder name) {
        int start = 0;
        int end = name.length();
        while (start < end && name.charAt(start) == '_') {
            start++;
        }
        while (end > start && name.charAt(end - 1) == '_') {
            end--;
        }
        return name.substring(start, end).toLowerCase(Locale.ROOT);
    }
}
