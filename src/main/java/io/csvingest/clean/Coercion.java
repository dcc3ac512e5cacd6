package io.csvingest.clean;

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

import io.csvingest.feed.ColumnType;
import io.csvingest.feed.ValueFormats;

/**
 * Turns a cleaned text value into the canonical text of its column's type, which PostgreSQL reads back exactly
 * ({@code yes} → {@code true}, {@code 1,234.50} → {@code 1234.50}, {@code 22/11/2026} → {@code 2026-11-22}),
 * or refuses it with a reason.
 */
public final class Coercion {

    private static final Set<String> TRUE = Set.of("true", "t", "yes", "y", "1", "on");
    private static final Set<String> FALSE = Set.of("false", "f", "no", "n", "0", "off");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern OFFSET_HOURS_ONLY = Pattern.compile("([+-]\\d{2})$");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("[+-]?(?i:nan|inf|infinity)");

    private Coercion() {
    }

    /** The canonical text of {@code value} as {@code type}; {@link IllegalArgumentException} with the reason if it is not one. */
    public static String coerce(ColumnType type, String text, ValueFormats formats) {
        return canonical(type, text, formats).toString();
    }

    /**
     * The same for any characters: {@code value} itself when it already is canonical (the common case, nothing
     * copied), else a new String holding the canonical text.
     */
    public static CharSequence canonical(ColumnType type, CharSequence value, ValueFormats formats) {
        if (type == ColumnType.TEXT) {
            return value;
        }
        // PostgreSQL ignores white space around all but text values, whatever the feed's trim
        CharSequence v = stripped(value);
        CharSequence canonical = switch (type) {
            case BOOLEAN -> bool(v.toString());
            case BIGINT -> integer(formats.plainNumber(v));
            case NUMERIC -> floating(formats.plainNumber(v), "a decimal number");
            case DOUBLE -> floating(formats.plainNumber(v), "a number");
            case DATE -> IsoTimestamp.isDate(v) ? v
                    : temporal(v.toString(), v.toString(), DateTimeFormatter.ISO_LOCAL_DATE, formats.date(), LocalDate::from, "a date");
            case TIMESTAMP -> IsoTimestamp.isCanonical(v, false) ? v : timestamp(v.toString(), formats);
            case TIMESTAMPTZ -> IsoTimestamp.isCanonical(v, true) ? v : timestampTz(v.toString(), formats);
            case TEXT -> v;
        };
        return canonical != value && canonical instanceof String text && text.contentEquals(value) ? value : canonical;
    }

    private static CharSequence stripped(CharSequence value) {
        int n = value.length();
        if (n == 0 || !RowCleaner.isWhitespace(value.charAt(0)) && !RowCleaner.isWhitespace(value.charAt(n - 1))) {
            return value;
        }
        return value.toString().strip();
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

    /** Already canonical ({@code -12}, not {@code +012}) comes back as is; the common case allocates nothing. */
    private static CharSequence integer(CharSequence plain) {
        int digits = digitsFrom(plain, signed(plain) ? 1 : 0);
        int signed = plain.length() - digits;
        if (digits == 0 || signed > 1) {
            throw new IllegalArgumentException("is not a whole number");
        }
        boolean canonical = plain.charAt(0) != '+' && (plain.charAt(signed) != '0' || digits == 1) && digits < 19;
        if (canonical) {
            return plain;
        }
        try {
            return Long.toString(Long.parseLong(plain, 0, plain.length(), 10));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is out of range for bigint", e);
        }
    }

    /** {@code [+-]digits[.digits][e[+-]digits]}, or {@code .5}; PostgreSQL reads all of these as written. */
    private static CharSequence decimal(CharSequence plain, String what) {
        int at = signed(plain) ? 1 : 0;
        int whole = digitsFrom(plain, at);
        at += whole;
        int fraction = 0;
        if (at < plain.length() && plain.charAt(at) == '.') {
            fraction = digitsFrom(plain, at + 1);
            at += 1 + fraction;
        }
        if (whole + fraction > 0 && at < plain.length() && (plain.charAt(at) == 'e' || plain.charAt(at) == 'E')) {
            int sign = at + 1 < plain.length() && (plain.charAt(at + 1) == '-' || plain.charAt(at + 1) == '+') ? 1 : 0;
            int exponent = digitsFrom(plain, at + 1 + sign);
            at = exponent == 0 ? -1 : at + 1 + sign + exponent;
        }
        if (whole + fraction == 0 || at != plain.length()) {
            throw new IllegalArgumentException("is not " + what);
        }
        return plain;
    }

    /** A decimal, or NaN / Infinity / -Infinity (both numeric and double precision take them). */
    private static CharSequence floating(CharSequence plain, String what) {
        try {
            return decimal(plain, what);
        } catch (IllegalArgumentException e) {
            if (SPECIAL_FLOAT.matcher(plain).matches()) {
                return plain;
            }
            throw e;
        }
    }

    private static boolean signed(CharSequence text) {
        return text.length() > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+');
    }

    /** How many ASCII digits follow position {@code from}. */
    private static int digitsFrom(CharSequence text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - from;
    }

    /** As PostgreSQL reads a timestamp: a date alone is midnight, an offset is ignored. */
    private static String timestamp(String value, ValueFormats formats) {
        String fast = IsoTimestamp.canonical(value, false);
        if (fast != null) {
            return fast;
        }
        String iso = isoOffset(value);
        try {
            return OffsetDateTime.parse(iso).toLocalDateTime().toString();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDate.parse(value).atStartOfDay().toString();
            } catch (DateTimeParseException notDate) {
                return temporal(value.replace(' ', 'T'), value, DateTimeFormatter.ISO_LOCAL_DATE_TIME, formats.timestamp(),
                        LocalDateTime::from, "a timestamp");
            }
        }
    }

    private static String isoOffset(String value) {
        String iso = OFFSET_WITHOUT_COLON.matcher(value.replace(' ', 'T')).replaceFirst("$1:$2");
        return OFFSET_HOURS_ONLY.matcher(iso).replaceFirst("$1:00");
    }

    private static String timestampTz(String value, ValueFormats formats) {
        String fast = IsoTimestamp.canonical(value, true);
        if (fast != null) {
            return fast;
        }
        String iso = isoOffset(value);
        try {
            return OffsetDateTime.parse(iso).toString();
        } catch (DateTimeParseException e) {
            if (ISO_DATE.matcher(value).matches()) {
                // a date alone: midnight in the session's time zone, as PostgreSQL reads it
                try {
                    return LocalDate.parse(value).toString();
                } catch (DateTimeParseException bad) {
                    throw new IllegalArgumentException("is not a timestamp (no such date)", bad);
                }
            }
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
