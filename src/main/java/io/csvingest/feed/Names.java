package io.csvingest.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import io.csvingest.IngestException;
import io.csvingest.Utf8;

/**
 * The naming rules for what PostgreSQL sees: lower_snake_case of only {@code [a-z0-9_]}, at most 63 bytes (a longer
 * name is cut and ends in {@code _} and 8 hex digits of a hash of the whole name, so two long names that share their
 * first 63 bytes stay two names, and a name always becomes the same identifier), and the table named after a file.
 */
public final class Names {

    /** PostgreSQL truncates identifiers at 63 bytes; we cut first, keeping a hash, so two long names cannot collide. */
    public static final int MAX_IDENTIFIER = 63;
    private static final int HASH_DIGITS = 8;
    private static final Pattern SAFE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Names() {
    }

    /** lower_snake_case with only ASCII letters, digits and underscores; never starts with a digit; at most 63 bytes. */
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
        String text = raw == null ? "" : Normalizer.normalize(raw.replace("\uFEFF", "").replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "") // é -> e: drop the accents NFD split off
                .strip();
        StringBuilder out = new StringBuilder(text.length() + 4);
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isAsciiLetterOrDigit(c)) {
                boolean wordStart = Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous));
                if (wordStart) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            previous = c;
        }
        String name = trimUnderscores(out);
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            name = "c_" + name;
        }
        return name;
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
            if (!SAFE.matcher(configuredTable).matches()) {
                throw new IngestException("The feed's table '" + configuredTable
                                          + "' is not a plain lower-case SQL name ([a-z_][a-z0-9_]*)");
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
    private static boolean isAsciiLetterOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
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
