package io.csvingest.load;

import java.util.ArrayList;
import java.util.List;

import io.csvingest.clean.CharRange;
import io.csvingest.clean.RowBatch;

/**
 * Rows as one PostgreSQL array literal per column ({@code {"a","b",NULL}}), the parameters of a plan's array INSERT:
 * a whole batch is then one statement of a few parameters, parsed and planned once, instead of one per row.
 */
final class ArrayParameters {

    private ArrayParameters() {
    }

    /** Rows {@code rows[from..to)} of the batch: one literal per column the plan loads. */
    static List<String> of(RowBatch batch, int[] rows, int from, int to, TablePlan plan) {
        int columns = plan.columns().size();
        List<String> arrays = new ArrayList<>(columns);
        CharRange range = new CharRange();
        for (int c = 0; c < columns; c++) {
            StringBuilder array = new StringBuilder(16 + (to - from) * 12).append('{');
            for (int i = from; i < to; i++) {
                if (i > from) {
                    array.append(',');
                }
                int field = plan.field(c);
                element(array, field < 0 ? plan.lineage().value(field, batch, rows[i]) : batch.chars(rows[i], field, range));
            }
            arrays.add(array.append('}').toString());
        }
        return arrays;
    }

    /**
     * NULL, the value as it is when array syntax cannot misread it (most numbers, dates, words: less to send and to
     * parse), else in double quotes with {@code "} and {@code \} escaped by a backslash.
     */
    private static void element(StringBuilder array, CharSequence value) {
        if (value == null) {
            array.append("NULL");
            return;
        }
        if (plain(value)) {
            array.append(value);
            return;
        }
        array.append('"');
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                array.append('\\');
            }
            array.append(c);
        }
        array.append('"');
    }

    /** True when the value needs no quotes in an array literal: not empty, not NULL, no braces, quotes, commas, backslashes or white space. */
    static boolean plain(CharSequence value) {
        int n = value.length();
        if (n == 0 || n == 4 && "null".equalsIgnoreCase(value.toString())) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '{' || c == '}' || c == '"' || c == ',' || c == '\\' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c < 0x20) {
                return false;
            }
        }
        return true;
    }
}
