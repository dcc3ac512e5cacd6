package io.csvingest.parse;

/**
 * A batch of parsed CSV records kept as the characters they were read from: per record its start line, its original
 * text and its fields, each field a range of that text. No object per value on the way to the table: cleaning
 * narrows the ranges (trim) or marks them NULL, COPY encodes straight from them, a String is made only when asked for.
 */
public final class RecordBlock {

    /** {@link #start(int)} of a NULL value. */
    public static final int NULL = -1;
    /** Field flag: the value was written in quotes (so an empty one is an empty string, not a missing value). */
    static final byte QUOTED = 1;
    /** Field flag: quoted and holding doubled quotes. */
    static final byte ESCAPED = 2;

    private final char[] text;
    private final int size;
    private final long[] lines;
    private final int[] rawStart;
    private final int[] rawEnd;
    private final int[] firstField;
    private final int[] start;
    private final int[] end;
    private final byte[] flags;

    /** Arrays as {@link CsvScanner} fills them: {@code firstField} has {@code size + 1} entries (fields of record r: firstField[r]..firstField[r+1]). */
    RecordBlock(char[] text, int size, long[] lines, int[] rawStart, int[] rawEnd, int[] firstField, int[] start,
                int[] end, byte[] flags) {
        this.text = text;
        this.size = size;
        this.lines = lines;
        this.rawStart = rawStart;
        this.rawEnd = rawEnd;
        this.firstField = firstField;
        this.start = start;
        this.end = end;
        this.flags = flags;
    }

    /** Records in the block. */
    public int size() {
        return size;
    }

    /** The line record {@code r} starts on (1-based; the header is line 1). */
    public long line(int r) {
        return lines[r];
    }

    /** Record {@code r}'s original text without its line break, as a reject file shows it. */
    public String raw(int r) {
        return new String(text, rawStart[r], rawEnd[r] - rawStart[r]);
    }

    /** Index of record {@code r}'s first field; its fields are {@code firstField(r) .. firstField(r) + fieldCount(r) - 1}. */
    public int firstField(int r) {
        return firstField[r];
    }

    public int fieldCount(int r) {
        return firstField[r + 1] - firstField[r];
    }

    /** The characters all ranges point into. */
    public char[] text() {
        return text;
    }

    /** Where field {@code f}'s value starts in {@link #text()}, or {@link #NULL}. */
    public int start(int f) {
        return start[f];
    }

    /** Where field {@code f}'s value ends (exclusive). */
    public int end(int f) {
        return end[f];
    }

    /** True when field {@code f} was quoted and holds doubled quotes ({@code ""} in the range stands for one {@code "}). */
    public boolean escaped(int f) {
        return (flags[f] & ESCAPED) != 0;
    }

    /** True when field {@code f} was written in quotes ({@code ""} is then an empty string, an empty field NULL). */
    public boolean quoted(int f) {
        return (flags[f] & QUOTED) != 0;
    }

    /** Narrows field {@code f} to {@code [from, to)} (trimmed), or to NULL with {@code from = NULL}. */
    public void narrow(int f, int from, int to) {
        start[f] = from;
        end[f] = to;
    }

    /** Field {@code f}'s value as a String (quotes undoubled), null when NULL. */
    public String value(int f) {
        int from = start[f];
        if (from == NULL) {
            return null;
        }
        if ((flags[f] & ESCAPED) == 0) {
            return new String(text, from, end[f] - from);
        }
        StringBuilder value = new StringBuilder(end[f] - from);
        for (int i = from; i < end[f]; i++) {
            value.append(text[i]);
            if (text[i] == '"') {
                i++;
            }
        }
        return value.toString();
    }

    /** Record {@code r}'s values as Strings. */
    public String[] values(int r) {
        String[] values = new String[fieldCount(r)];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(firstField[r] + i);
        }
        return values;
    }
}
