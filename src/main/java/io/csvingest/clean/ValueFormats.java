package io.csvingest.clean;

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

    /** The number with grouping removed and a '.' decimal point, or the value as is when the feed set neither. */
    String plainNumber(String value) {
        if (thousands == null && decimal == '.') {
            return value;
        }
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (thousands != null && c == thousands) {
                continue;
            }
            plain.append(c == decimal ? '.' : c);
        }
        return plain.toString();
    }

    private static char single(String separator, String option) {
        if (separator.length() != 1) {
            throw new IllegalArgumentException(option + " must be one character, was '" + separator + "'");
        }
        return separator.charAt(0);
    }

    /** Strict patterns: 31/02/2026 is refused, not moved to 28/02. {@code yyyy} reads as {@code uuuu} unless an era is given. */
    private static DateTimeFormatter formatter(String pattern, String option) {
        String strict = pattern.contains("G") || pattern.contains("'") ? pattern : pattern.replace('y', 'u');
        try {
            return DateTimeFormatter.ofPattern(strict).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + pattern + "' is not a date pattern: " + e.getMessage(), e);
        }
    }
}
