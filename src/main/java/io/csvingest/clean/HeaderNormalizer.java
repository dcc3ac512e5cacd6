package io.csvingest.clean;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.csvingest.IngestException;
import io.csvingest.Utf8;

/**
 * Turns a CSV header into unique lower_snake_case names of only {@code [a-z0-9_]}, safe for any SQL. A name over
 * PostgreSQL's 63-byte limit is cut and ends in {@code _} and 8 hex digits of a hash of the whole name, so two long
 * names that share their first 63 bytes stay two names, and the same name always becomes the same identifier.
 */
public final class HeaderNormalizer {

    /** PostgreSQL truncates identifiers at 63 bytes; we cut first, keeping a hash, so two long names cannot collide. */
    static final int MAX_IDENTIFIER = 63;
    private static final int HASH_DIGITS = 8;
    /** PostgreSQL's system columns, which no table can have a column of the same name as (xmin, xmax: GIS data has them). */
    private static final Set<String> SYSTEM_COLUMNS = Set.of("tableoid", "xmin", "cmin", "xmax", "cmax", "ctid");

    private HeaderNormalizer() {
    }

    public static List<String> normalize(List<String> header) {
        if (header.stream().allMatch(name -> snakeCase(name).isEmpty())) {
            throw new IngestException("The first line has no column names (" + header.size() + " empty field(s));"
                                      + " a CSV file needs a header row naming its columns");
        }
        List<String> names = new ArrayList<>(header.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = snakeCase(header.get(i));
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
            } else if (SYSTEM_COLUMNS.contains(name)) {
                name = name + "_";
            }
            names.add(unique(name, taken));
        }
        return names;
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

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            String suffix = "_" + n;
            candidate = name.substring(0, Math.min(name.length(), MAX_IDENTIFIER - suffix.length())) + suffix;
        }
        return candidate;
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
