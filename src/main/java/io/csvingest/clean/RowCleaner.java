package io.csvingest.clean;

/** The first cleaning steps for one record: trim values, read empty as NULL, recognise blank records. */
public final class RowCleaner {

    private RowCleaner() {
    }

    /** Cleans the values in place and returns the same array. */
    public static String[] clean(String[] values) {
        for (int i = 0; i < values.length; i++) {
            String value = values[i];
            if (value != null) {
                value = value.strip();
                values[i] = value.isEmpty() ? null : value;
            }
        }
        return values;
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
