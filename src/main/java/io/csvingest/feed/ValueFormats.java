package io.csvingest.feed;

import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * How a feed writes numbers and dates beyond the ISO forms always understood: grouping and decimal separators
 * ({@code 1,234.50}, {@code 1.234,50}) and date/timestamp patterns ({@code dd/MM/yyyy}).
 */
public record ValueFormats(Character thousands, char decimal, String datePattern, String timestampPattern,
                           DateTimeFormatter date, DateTimeFormatter timestamp) {

    public static final ValueFormats DEFAULT = new ValueFormats(null, '.', null, null, null, null);

    public ValueFormats withThousandsSeparator(String separator) {
        Character c = separator.isEmpty() ? null : single(separator, "thousandsSeparator");
        if (c != null && c == decimal) {
            throw new IllegalArgumentException("thousandsSeparator and decimalSeparator must differ");
        }
        return new ValueFormats(c, decimal, datePattern, timestampPattern, date, timestamp);
    }

    public ValueFormats withDecimalSeparator(String separator) {
        char c = single(separator, "decimalSeparator");
        if (thousands != null && c == thousands) {
            throw new IllegalArgumentException("thousandsSeparator and decimalSeparator must differ");
        }
        return new ValueFormats(thousands, c, datePattern, timestampPattern, date, timestamp);
    }

    public ValueFormats withDateFormat(String pattern) {
        return new ValueFormats(thousands, decimal, pattern, timestampPattern, formatter(pattern, "dateFormat"), timestamp);
    }

    public ValueFormats withTimestampFormat(String pattern) {
        return new ValueFormats(thousands, decimal, datePattern, pattern, date, formatter(pattern, "timestampFormat"));
    }

    /**
     * The number with grouping removed and a '.' decimal point, or the value as is when the feed set neither. Groups
     * must be well formed ({@code 1,234,567}, not {@code 1,2,3} or {@code 22.11.2026}): otherwise the value comes
     * back unchanged, still holding the separator, and is no number.
     */
    public CharSequence plainNumber(CharSequence value) {
        if (thousands == null && decimal == '.') {
            return value;
        }
        StringBuilder plain = new StringBuilder(value.length());
        int digitsSinceGroup = 0;
        boolean grouped = false;
        boolean inFraction = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (thousands != null && c == thousands && !inFraction) {
                if (digitsSinceGroup == 0 || digitsSinceGroup > 3 || grouped && digitsSinceGroup != 3) {
                    return value;
                }
                grouped = true;
                digitsSinceGroup = 0;
                continue;
            }
            if (c == decimal || c == 'e' || c == 'E') {
                if (grouped && digitsSinceGroup != 3) {
                    return value;
                }
                inFraction = true;
                grouped = false;
            }
            digitsSinceGroup = c >= '0' && c <= '9' ? digitsSinceGroup + 1 : 0;
            plain.append(c == decimal ? '.' : c);
        }
        return grouped && digitsSinceGroup != 3 ? value : plain.toString();
    }

    private static String prolepticYears(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            quoted ^= c == '\'';
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }

    private static char single(String separator, String option) {
        if (separator.length() != 1) {
            throw new IllegalArgumentException(option + " must be one character, was '" + separator + "'");
        }
        return separator.charAt(0);
    }

    /**
     * Strict patterns: 31/02/2026 is refused, not moved to 28/02. {@code yyyy} reads as {@code uuuu} (outside quoted
     * literals) unless an era is given, since a strict year-of-era needs one.
     */
    private static DateTimeFormatter formatter(String pattern, String option) {
        String strict = pattern.contains("G") ? pattern : prolepticYears(pattern);
        try {
            return DateTimeFormatter.ofPattern(strict).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + pattern + "' is not a date pattern: " + e.getMessage(), e);
        }
    }
}
