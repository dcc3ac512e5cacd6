package io.csvingest.load;

import java.sql.SQLException;

/**
 * Encodes rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for NULL, backslash escapes) as UTF-8
 * into a reused buffer, handing it to a sink whenever it fills: no per-row objects on the way to the socket.
 */
final class CopyText {

    /** Where full buffers go (the COPY stream). */
    interface Sink {
        void write(byte[] bytes, int length) throws SQLException;
    }

    private static final int FLUSH_AT = 60 * 1024;
    private final byte[] buffer = new byte[FLUSH_AT + 1024];
    private final Sink sink;
    private int length;

    CopyText(Sink sink) {
        this.sink = sink;
    }

    void row(String[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            if (values[i] == null) {
                put((byte) '\\');
                put((byte) 'N');
            } else {
                value(values[i]);
            }
        }
        put((byte) '\n');
    }

    /** Sends what is buffered. */
    void flush() throws SQLException {
        if (length > 0) {
            sink.write(buffer, length);
            length = 0;
        }
    }

    private void value(String value) throws SQLException {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                i = multiByte(value, i);
            } else if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                put((byte) '\\');
                put((byte) (c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r'));
            } else {
                put((byte) c);
            }
        }
    }

    /** Writes the character at {@code i} (two code units for a surrogate pair) as UTF-8; returns the last index used. */
    private int multiByte(String value, int i) throws SQLException {
        char c = value.charAt(i);
        if (c < 0x800) {
            put((byte) (0xC0 | c >> 6));
            put((byte) (0x80 | c & 0x3F));
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            int code = Character.toCodePoint(c, value.charAt(i + 1));
            put((byte) (0xF0 | code >> 18));
            put((byte) (0x80 | code >> 12 & 0x3F));
            put((byte) (0x80 | code >> 6 & 0x3F));
            put((byte) (0x80 | code & 0x3F));
            return i + 1;
        }
        int code = Character.isSurrogate(c) ? 0xFFFD : c;
        put((byte) (0xE0 | code >> 12));
        put((byte) (0x80 | code >> 6 & 0x3F));
        put((byte) (0x80 | code & 0x3F));
        return i;
    }

    private void put(byte b) throws SQLException {
        if (length == buffer.length) {
            flush();
        }
        buffer[length++] = b;
        if (length >= FLUSH_AT && b == '\n') {
            flush();
        }
    }
}
