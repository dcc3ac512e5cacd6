package io.csvingest.parse;

import java.util.Arrays;

/**
 * Where the records {@link CsvScanner} has scanned but nobody has taken yet lie in its buffer: per record its line,
 * raw text range and first field, per field its range. Grows as records come, hands them out as {@link RecordBlock}s.
 */
final class RecordIndex {

    private int count;
    private int fields;
    private long[] lines = new long[256];
    private int[] rawStart = new int[256];
    private int[] rawEnd = new int[256];
    private int[] firstField = new int[257];
    private int[] start = new int[1024];
    private int[] end = new int[1024];
    private byte[] flags = new byte[1024];

    /** Records waiting. */
    int count() {
        return count;
    }

    /** Fields of all records waiting plus those of the record being scanned. */
    int fields() {
        return fields;
    }

    /** Where the first record waiting starts in the buffer (only when {@link #count()} &gt; 0). */
    int firstStart() {
        return rawStart[0];
    }

    /** Adds a field of the record being scanned; {@code flags}: {@link RecordBlock#QUOTED}, {@link RecordBlock#ESCAPED}. */
    void addField(int from, int to, byte fieldFlags) {
        if (fields == start.length) {
            start = Arrays.copyOf(start, fields * 2);
            end = Arrays.copyOf(end, fields * 2);
            flags = Arrays.copyOf(flags, fields * 2);
        }
        start[fields] = from;
        end[fields] = to;
        flags[fields] = fieldFlags;
        fields++;
    }

    /** Forgets the fields added after the first {@code kept} (the record being scanned was cut by the buffer's end). */
    void dropFieldsFrom(int kept) {
        fields = kept;
    }

    /** Ends the record being scanned: its fields are those added since the last record. */
    void addRecord(long line, int from, int to) {
        if (count == lines.length) {
            lines = Arrays.copyOf(lines, count * 2);
            rawStart = Arrays.copyOf(rawStart, count * 2);
            rawEnd = Arrays.copyOf(rawEnd, count * 2);
            firstField = Arrays.copyOf(firstField, count * 2 + 1);
        }
        lines[count] = line;
        rawStart[count] = from;
        rawEnd[count] = to;
        count++;
        firstField[count] = fields;
    }

    /** Which field of the record being scanned holds buffer position {@code at} (0-based), or -1. */
    int fieldAt(int at) {
        for (int i = firstField[count]; i < fields; i++) {
            if (at >= start[i] - 1 && at <= end[i]) {
                return i - firstField[count];
            }
        }
        return -1;
    }

    /** All ranges move {@code by} characters towards the start: the text was moved to a new buffer. */
    void shift(int by) {
        for (int r = 0; r < count; r++) {
            rawStart[r] -= by;
            rawEnd[r] -= by;
        }
        for (int i = 0; i < fields; i++) {
            if (start[i] != RecordBlock.NULL) {
                start[i] -= by;
            }
            end[i] -= by;
        }
    }

    /** A copy of the records waiting, on {@code text}, to look at without taking them. */
    RecordBlock copy(char[] text) {
        return new RecordBlock(text, count, lines.clone(), rawStart.clone(), rawEnd.clone(), firstField.clone(),
                start.clone(), end.clone(), flags.clone());
    }

    /** Takes the first {@code max} records waiting (fewer if fewer wait), on {@code text}. */
    RecordBlock take(int max, char[] text) {
        int n = Math.min(max, count);
        int f = firstField[n];
        RecordBlock block;
        if (n == count) {
            block = new RecordBlock(text, n, lines, rawStart, rawEnd, firstField, start, end, flags);
            lines = new long[lines.length];
            rawStart = new int[rawStart.length];
            rawEnd = new int[rawEnd.length];
            firstField = new int[firstField.length];
            start = new int[start.length];
            end = new int[end.length];
            flags = new byte[flags.length];
        } else {
            block = new RecordBlock(text, n, Arrays.copyOf(lines, n), Arrays.copyOf(rawStart, n), Arrays.copyOf(rawEnd, n),
                    Arrays.copyOf(firstField, n + 1), Arrays.copyOf(start, f), Arrays.copyOf(end, f), Arrays.copyOf(flags, f));
            System.arraycopy(lines, n, lines, 0, count - n);
            System.arraycopy(rawStart, n, rawStart, 0, count - n);
            System.arraycopy(rawEnd, n, rawEnd, 0, count - n);
            for (int r = 0; r <= count - n; r++) {
                firstField[r] = firstField[r + n] - f;
            }
            System.arraycopy(start, f, start, 0, fields - f);
            System.arraycopy(end, f, end, 0, fields - f);
            System.arraycopy(flags, f, flags, 0, fields - f);
        }
        count -= n;
        fields -= f;
        return block;
    }
}
