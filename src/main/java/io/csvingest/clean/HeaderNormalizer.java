package io.csvingest.clean;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.csvingest.IngestException;

/** Turns a CSV header into unique lower_snake_case names of only {@code [a-z0-9_]}, safe for any SQL. */
public final class HeaderNormalizer {

    /** PostgreSQL truncates identifiers at 63 bytes; we cut first so two long names cannot silently collide. */
    static final int MAX_IDENTIFIER = 63;

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
            }
            names.add(unique(name, taken));
        }
        return names;
    }

    /** lower_snake_case with only ASCII letters, digits and underscores; never starts with a digit. */
    public static String snakeCase(String raw) {
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
        return name.length() > MAX_IDENTIFIER ? trimUnderscores(new StringBuilder(name.substring(0, MAX_IDENTIFIER))) : name;
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
