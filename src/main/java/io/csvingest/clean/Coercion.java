package io.csvingest.clean;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQuery;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a cleaned text value into the canonical text of its column's type, which PostgreSQL reads back exactly
 * ({@code yes} → {@code true}, {@code 1,234.50} → {@code 1234.50}, {@code 22/11/2026} → {@code 2026-11-22}),
 * or refuses it with a reason.
 */
public final class Coercion {

    private static final Set<String> TRUE = Set.of("true", "t", "yes", "y", "1", "on");
    private static final Set<String> FALSE = Set.of("false", "f", "no", "n", "0", "off");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("[+-]?(?i:nan|inf|infinity)");

    private Coercion() {
    }

    /** The canonical text of {@code value} as {@code type}; {@link IllegalArgumentException} with the reason if it is not one. */
    public static String coerce(ColumnType type, String value, ValueFormats formats) {
        return switch (type) {
            case BOOLEAN -> bool(value);
            case BIGINT -> integer(formats.plainNumber(value));
            case NUMERIC -> decimal(formats.plainNumber(value), "a decimal number");
            case DOUBLE -> SPECIAL_FLOAT.matcher(value).matches() ? value
                    : decimal(formats.plainNumber(value), "a number");
            case DATE -> temporal(value, value, DateTimeFormatter.ISO_LOCAL_DATE, formats.date(), LocalDate::from, "a date");
            case TIMESTAMP -> temporal(value.replace(' ', 'T'), value, DateTimeFormatter.ISO_LOCAL_DATE_TIME,
                    formats.timestamp(), LocalDateTime::from, "a timestamp");
            case TIMESTAMPTZ -> timestampTz(value, formats);
            case TEXT -> value;
        };
    }

    private static String bool(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return "true";
        }
        if (FALSE.contains(lower)) {
            return "false";
        }
        throw new IllegalArgumentException("is not a boolean (true/false, yes/no, 1/0, t/f)");
    }

    private static String integer(String plain) {
        if (!INTEGER.matcher(plain).matches()) {
            throw new IllegalArgumentException("is not a whole number");
        }
        try {
            return Long.toString(Long.parseLong(plain));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is out of range for bigint", e);
        }
    }

    private static String decimal(String plain, String what) {
        if (!DECIMAL.matcher(plain).matches()) {
            throw new IllegalArgumentException("is not " + what);
        }
        return new BigDecimal(plain).toString();
    }

    private static String timestampTz(String value, ValueFormats formats) {
        String iso = value.replace(' ', 'T').replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2").replaceFirst("([+-]\\d{2})$", "$1:00");
        try {
            return OffsetDateTime.parse(iso).toString();
        } catch (DateTimeParseException e) {
            // no offset: PostgreSQL reads it in the session's time zone, as it would the original text
            return temporal(iso, value, DateTimeFormatter.ISO_LOCAL_DATE_TIME, formats.timestamp(), Coercion::zoned,
                    "a timestamp");
        }
    }

    private static Object zoned(TemporalAccessor parsed) {
        try {
            return OffsetDateTime.from(parsed);
        } catch (java.time.DateTimeException e) {
            return LocalDateTime.from(parsed);
        }
    }

    private static String temporal(String isoValue, String value, DateTimeFormatter iso, DateTimeFormatter feed,
                                   TemporalQuery<?> query, String what) {
        try {
            return iso.parse(isoValue, query).toString();
        } catch (DateTimeParseException isoFailure) {
            if (feed != null) {
                try {
                    return feed.parse(value, query).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("is not " + what + " (ISO or the feed's format)", e);
                }
            }
            throw new IllegalArgumentException("is not " + what + " (ISO yyyy-MM-dd" + (what.equals("a date") ? "" : " HH:mm:ss")
                                               + ", or set the feed's " + (what.equals("a date") ? "dateFormat" : "timestampFormat")
                                               + ")", isoFailure);
        }
    }
}
