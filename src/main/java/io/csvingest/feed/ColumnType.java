package io.csvingest.feed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The PostgreSQL column types a new table may get, most specific first, each knowing which text values it takes. */
public enum ColumnType {
    BOOLEAN("boolean"),
    BIGINT("bigint"),
    NUMERIC("numeric"),
    DOUBLE("double precision"),
    DATE("date"),
    TIMESTAMP("timestamp"),
    TIMESTAMPTZ("timestamptz"),
    TEXT("text");

    private static final Set<String> BOOLEANS = Set.of("true", "false", "t", "f", "yes", "no", "y", "n");
    // no leading '+' and no leading zeros: 01234 (a zip code) or +3361... (a phone number) must stay text
    private static final String WHOLE = "-?(0|[1-9]\\d*)";
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
    // numeric is exact and takes exponents: 1e3 in a decimal column must not make it floating point
    private static final Pattern DECIMAL = Pattern.compile(WHOLE + "(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern FLOAT = Pattern.compile(WHOLE + "(\\.\\d+)?([eE][+-]?\\d+)?|-?(?i:nan|infinity)");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final Pattern ISO_TIMESTAMPTZ = Pattern.compile(ISO_TIMESTAMP.pattern() + "(Z|[+-]\\d{2}(:?\\d{2})?)");

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    /**
     * The type whose values an existing column of this {@code information_schema} data type takes. Types without
     * their own coercion (uuid, json, varchar limits...) load as text and PostgreSQL checks them row by row.
     */
    public static ColumnType fromDataType(String dataType) {
        return switch (dataType) {
            case "boolean" -> BOOLEAN;
            case "smallint", "integer", "bigint" -> BIGINT;
            case "numeric" -> NUMERIC;
            case "real", "double precision" -> DOUBLE;
            case "date" -> DATE;
            case "timestamp without time zone" -> TIMESTAMP;
            case "timestamp with time zone" -> TIMESTAMPTZ;
            default -> TEXT;
        };
    }

    /**
     * The next wider type a column of this type can become without losing what its values say ({@code bigint →
     * numeric → text}, {@code date → timestamp → timestamptz → text}, any other → {@code text}); null for text.
     */
    public ColumnType wider() {
        return switch (this) {
            case BIGINT -> NUMERIC;
            case DATE -> TIMESTAMP;
            case TIMESTAMP -> TIMESTAMPTZ;
            case BOOLEAN, NUMERIC, DOUBLE, TIMESTAMPTZ -> TEXT;
            case TEXT -> null;
        };
    }

    /** Whether PostgreSQL reads this (trimmed, non-null) text as a value of this type. */
    public boolean accepts(String value) {
        return switch (this) {
            case BOOLEAN -> BOOLEANS.contains(value.toLowerCase(Locale.ROOT));
            case BIGINT -> INTEGER.matcher(value).matches();
            case NUMERIC -> DECIMAL.matcher(value).matches();
            case DOUBLE -> FLOAT.matcher(value).matches();
            case DATE -> ISO_DATE.matcher(value).matches() && parses(() -> LocalDate.parse(value));
            case TIMESTAMP -> ISO_TIMESTAMP.matcher(value).matches()
                              && parses(() -> LocalDateTime.parse(value.replace(' ', 'T')));
            case TIMESTAMPTZ -> ISO_TIMESTAMPTZ.matcher(value).matches() && parses(() -> OffsetDateTime.parse(isoOffset(value)));
            case TEXT -> true;
        };
    }

    private static String isoOffset(String value) {
        String iso = value.replace(' ', 'T');
        // +02 and +0200 are fine for PostgreSQL; java.time wants +02:00
        return iso.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2").replaceFirst("([+-]\\d{2})$", "$1:00");
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
