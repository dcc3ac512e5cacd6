package io.csvingest.clean;

import io.csvingest.intake.Cleaning;

/** The per-record cleaning a feed asks for: trim values, read NULL tokens as NULL, recognise blank records. */
public final class RowCleaner {

    private RowCleaner() {
    }

    /** Cleans the values in place and returns the same array. */
    public static String[] clean(String[] values, Cleaning cleaning) {
        return clean(values, cleaning, longestNullValue(cleaning));
    }

    /** The same, told the length of the longest NULL token, so longer values skip the lookup (most of them). */
    public static String[] clean(String[] values, Cleaning cleaning, int longestNullValue) {
        for (int i = 0; i < values.length; i++) {
            String value = values[i];
            if (value != null) {
                if (cleaning.trim()) {
                    value = value.strip();
                }
                values[i] = value.length() <= longestNullValue && cleaning.nullValues().contains(value) ? null : value;
            }
        }
        return values;
    }

    public static int longestNullValue(Cleaning cleaning) {
        return cleaning.nullValues().stream().mapToInt(String::length).max().orElse(0);
    }

    /** True when a cleaned record holds no value at all (an empty line, or only separators and spaces). */
    public static boolean isBlank(String[] cleaned) {
        for (String value : cleaned) {
            if (value != null) {
                return false;
            }
        }
        return true;
    }
}
