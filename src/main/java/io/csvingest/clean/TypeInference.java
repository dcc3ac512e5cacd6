package io.csvingest.clean;

import java.util.ArrayList;
import java.util.List;

import io.csvingest.feed.ColumnType;
import io.csvingest.feed.ValueFormats;

/** Picks, per column, the most specific {@link ColumnType} that takes every value of a sample of cleaned rows. */
public final class TypeInference {

    private TypeInference() {
    }

    public static List<ColumnType> infer(int columns, List<String[]> cleanedRows) {
        return infer(columns, cleanedRows, ValueFormats.DEFAULT);
    }

    /** With a feed's number and date formats, values written that way count too ({@code 1.234,50}, {@code 22/11/2026}). */
    public static List<ColumnType> infer(int columns, List<String[]> cleanedRows, ValueFormats formats) {
        List<ColumnType> types = new ArrayList<>(columns);
        for (int column = 0; column < columns; column++) {
            types.add(inferColumn(column, cleanedRows, formats));
        }
        return types;
    }

    /**
     * The strict inference patterns, on numbers as the feed writes them (grouping and decimal separator normalised,
     * so {@code 01234} and {@code +336...} still stay text) and dates in the feed's patterns.
     */
    private static boolean accepts(ColumnType candidate, String value, ValueFormats formats) {
        return switch (candidate) {
            case BIGINT, NUMERIC, DOUBLE -> candidate.accepts(formats.plainNumber(value).toString());
            case DATE -> candidate.accepts(value) || formats.date() != null && coerces(candidate, value, formats);
            case TIMESTAMP, TIMESTAMPTZ -> candidate.accepts(value)
                                           || formats.timestamp() != null && coerces(candidate, value, formats);
            default -> candidate.accepts(value);
        };
    }

    private static boolean coerces(ColumnType candidate, String value, ValueFormats formats) {
        try {
            Coercion.coerce(candidate, value, formats);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ColumnType inferColumn(int column, List<String[]> rows, ValueFormats formats) {
        List<String> values = new ArrayList<>();
        for (String[] row : rows) {
            String value = column < row.length ? row[column] : null;
            // "" (quoted) is NULL in any column but text: it says nothing about the type
            if (value != null && !value.isEmpty()) {
                values.add(value);
            }
        }
        if (values.isEmpty()) {
            return ColumnType.TEXT;
        }
        for (ColumnType candidate : ColumnType.values()) {
            if (values.stream().allMatch(value -> accepts(candidate, value, formats)) && unambiguous(candidate, values, formats)) {
                return candidate;
            }
        }
        return ColumnType.TEXT;
    }

    /**
     * Whether reading the values as {@code candidate} keeps what they say: a lone letter is a boolean only beside its
     * opposite (a column of {@code F} grades stays text), NaN and Infinity are numbers only beside a finite one (a
     * name {@code Nan} stays text), and binary floating point only when no value has more significant digits than it
     * keeps (numeric, which is exact, takes exponents: {@code 1e3} beside {@code 0.12345678901234567890} is numeric).
     */
    private static boolean unambiguous(ColumnType candidate, List<String> values, ValueFormats formats) {
        return switch (candidate) {
            case BOOLEAN -> values.stream().noneMatch(value -> value.length() == 1)
                            || values.stream().anyMatch(value -> "true".equals(Coercion.coerce(ColumnType.BOOLEAN, value, formats)))
                               && values.stream().anyMatch(value -> "false".equals(Coercion.coerce(ColumnType.BOOLEAN, value, formats)));
            case DOUBLE -> values.stream().anyMatch(value -> significantDigits(formats.plainNumber(value)) > 0)
                           && values.stream().allMatch(value -> significantDigits(formats.plainNumber(value)) <= EXACT_DOUBLE_DIGITS);
            default -> true;
        };
    }

    /** Decimal digits a double holds exactly: any decimal of at most 15 significant digits reads back as written. */
    private static final int EXACT_DOUBLE_DIGITS = 15;

    /** Significant digits of a number's mantissa ({@code 0.00120e5}: 3); 0 for NaN and Infinity. */
    static int significantDigits(CharSequence number) {
        int first = -1;
        int last = -1;
        int digits = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9') {
                if (c != '0' && first < 0) {
                    first = digits;
                }
                if (c != '0') {
                    last = digits;
                }
                digits++;
            }
        }
        return first < 0 ? (digits > 0 ? 1 : 0) : last - first + 1;
    }
}
