package io.csvingest.load;

import java.sql.SQLException;

import io.csvingest.clean.RowBatch;
import io.csvingest.parse.RecordBlock;

/**
 * Encodes rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for NULL, backslash escapes) as UTF-8
 * straight from the characters they were read from into a reused buffer, handing it to a sink whenever it fills: no
 * per-row or per-value objects on the way to the socket.
 */
final class CopyText {

    /** Where full buffers go (the COPY stream). */
    interface Sink {
        void write(byte[] bytes, int length) throws SQLException;
    }

    private static final int FLUSH_AT = 60 * 1024;
    private byte[] buffer = new byte[FLUSH_AT + 4096];
    private final Sink sink;
    /** Where a value a step or coercion replaced is copied to be encoded (reused: no array per value). */
    private char[] scratch = new char[64];
    private int length;
    private final int[] fields;
    private final RowLineage lineage;

    /** {@code fields}: the file columns to send, in the COPY's column order; null: all of them. */
    CopyText(Sink sink, int[] fields) {
        this(sink, fields, null);
    }

    /** The same, a negative field being one of {@code lineage}'s columns. */
    CopyText(Sink sink, int[] fields, RowLineage lineage) {
        this.sink = sink;
        this.fields = fields;
        this.lineage = lineage;
    }

    /** Record {@code r} of the batch: its values as cleaned, or as a step rewrote them. */
    void row(RowBatch batch, int r) throws SQLException {
        RecordBlock block = batch.block();
        char[] text = block.text();
        int first = block.firstField(r);
        for (int i = 0, n = fields == null ? block.fieldCount(r) : fields.length; i < n; i++) {
            if (i > 0) {
                ensure(1);
                buffer[length++] = '\t';
            }
            int f = first + (fields == null ? i : fields[i]);
            String replacement = fields != null && fields[i] < 0 ? lineage.value(fields[i], batch, r) : batch.replacement(f);
            if (replacement != null) {
                int length = replacement.length();
                if (length > scratch.length) {
                    scratch = new char[Math.max(length, scratch.length * 2)];
                }
                replacement.getChars(0, length, scratch, 0);
                chars(scratch, 0, length, false);
            } else if (block.start(f) == RecordBlock.NULL) {
                ensure(2);
                buffer[length++] = '\\';
                buffer[length++] = 'N';
            } else {
                chars(text, block.start(f), block.end(f), block.escaped(f));
            }
        }
        ensure(1);
        buffer[length++] = '\n';
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is buffered. */
    void flush() throws SQLException {
        if (length > 0) {
            sink.write(buffer, length);
            length = 0;
        }
    }

    /** Characters {@code [from, to)} as UTF-8, escaped; {@code doubledQuotes}: {@code ""} stands for one quote. */
    private void chars(char[] text, int from, int to, boolean doubledQuotes) throws SQLException {
        ensure((to - from) * 3);
        byte[] out = buffer;
        int at = length;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c < 0x80) {
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                    out[at++] = '\\';
                    out[at++] = (byte) (c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
                } else {
                    out[at++] = (byte) c;
                    if (c == '"' && doubledQuotes) {
                        i++;
                    }
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text[i + 1])) {
                int code = Character.toCodePoint(c, text[++i]);
                out[at++] = (byte) (0xF0 | code >> 18);
                out[at++] = (byte) (0x80 | code >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | code & 0x3F);
            } else {
                int code = Character.isSurrogate(c) ? 0xFFFD : c;
                out[at++] = (byte) (0xE0 | code >> 12);
                out[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | code & 0x3F);
            }
        }
        length = at;
    }

    /** Room for {@code bytes} more: sends what is buffered first if needed (a value larger than the buffer gets a larger one). */
    private void ensure(int bytes) throws SQLException {
        if (length + bytes > buffer.length) {
            flush();
            if (bytes > buffer.length) {
                buffer = new byte[bytes];
            }
        }
    }
}
