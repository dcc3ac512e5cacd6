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
        boolean anyValue = false;
        for (ColumnType candidate : ColumnType.values()) {
            boolean fits = true;
            for (String[] row : rows) {
                String value = column < row.length ? row[column] : null;
                if (value != null) {
                    anyValue = true;
                    if (!accepts(candidate, value, formats)) {
                        fits = false;
                        break;
                    }
                }
            }
            if (!anyValue) {
                return ColumnType.TEXT;
            }
            if (fits) {
                return candidate;
            }
        }
        return ColumnType.TEXT;
    }
}
