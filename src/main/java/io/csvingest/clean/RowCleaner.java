package io.csvingest.clean;

import java.util.Arrays;
import java.util.Set;

import io.csvingest.feed.Cleaning;
import io.csvingest.parse.RecordBlock;

/**
 * The per-record cleaning a feed asks for, on the record's ranges: trim values, read NULL tokens and empty unquoted
 * values as NULL (a quoted {@code ""} stays an empty string unless the feed says otherwise), spot blank records.
 */
public final class RowCleaner {

    private final boolean trim;
    private final boolean quotedEmptyAsNull;
    private final Set<String> nullValues;
    private final char[][] tokens;
    private final int longest;

    public RowCleaner(Cleaning cleaning) {
        this.trim = cleaning.trim();
        this.quotedEmptyAsNull = cleaning.quotedEmptyAsNull();
        this.nullValues = cleaning.nullValues();
        this.tokens = nullValues.stream().filter(token -> !token.isEmpty()).map(String::toCharArray).toArray(char[][]::new);
        this.longest = nullValues.stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * Cleans record {@code r}'s fields in place; true when it then holds no value at all (an empty line, only
     * separators and spaces; a kept {@code ""} is a value).
     */
    public boolean clean(RecordBlock block, int r) {
        char[] text = block.text();
        boolean blank = true;
        for (int f = block.firstField(r), last = f + block.fieldCount(r); f < last; f++) {
            int from = block.start(f);
            int to = block.end(f);
            if (from == RecordBlock.NULL) {
                continue;
            }
            if (trim) {
                while (from < to && isWhitespace(text[from])) {
                    from++;
                }
                while (to > from && isWhitespace(text[to - 1])) {
                    to--;
                }
            }
            block.narrow(f, from, to);
            // a range with doubled quotes is longer than its value
            if ((to - from <= longest || block.escaped(f)) && isNullToken(block, f, text, from, to)) {
                block.narrow(f, RecordBlock.NULL, 0);
            } else {
                blank = false;
            }
        }
        return blank;
    }

    private boolean isNullToken(RecordBlock block, int f, char[] text, int from, int to) {
        if (from == to) {
            return quotedEmptyAsNull || !block.quoted(f);
        }
        if (block.escaped(f)) {
            return nullValues.contains(block.value(f));
        }
        for (char[] token : tokens) {
            if (token.length == to - from && Arrays.equals(token, 0, token.length, text, from, to)) {
                return true;
            }
        }
        return false;
    }

    /** {@link Character#isWhitespace}, as {@link String#strip} trims, with the ASCII answer first. */
    static boolean isWhitespace(char c) {
        if (c < 128) {
            return c == ' ' || c >= 9 && c <= 13 || c >= 28 && c <= 31;
        }
        return Character.isWhitespace(c);
    }
}
