package io.csvingest.parse;

import java.io.IOException;
import java.io.Reader;

/**
 * RFC 4180 records scanned straight out of a character buffer into {@link RecordBlock}s: fields end at the delimiter,
 * records at LF, CRLF or CR, a field starting with a quote runs to its closing quote ({@code ""} inside stands for
 * one, line breaks and delimiters are data), white space may follow the closing quote, and with quote padding
 * spaces and tabs may also come before the opening quote ({@code 1, "x,y"}). Start lines count every line break, also
 * those inside quotes. A record cut by the end of the buffer is scanned again once more is read.
 */
final class CsvScanner {

    /** What went wrong, where: the caller words it for the user. */
    static final class Malformed extends RuntimeException {
        enum Kind { UNTERMINATED, AFTER_CLOSING_QUOTE, TOO_LONG }

        final Kind kind;
        final long line;

        Malformed(Kind kind, long line) {
            super(kind.name(), null, false, false);
            this.kind = kind;
            this.line = line;
        }
    }

    /** The longest record kept in memory (characters): longer is a stray quote, not data, and must not fill the heap. */
    static final int MAX_RECORD_CHARS = 1 << 23;
    private static final int MIN_BUFFER = 1 << 16;
    private static final int SHRINK_ABOVE = 1 << 23;

    private final Reader in;
    private final char delimiter;
    private final boolean quotePadding;
    private final DecodingReader decoded;
    private char[] buf = new char[MIN_BUFFER];
    private int limit;
    private boolean eof;
    /** Position in the whole text of {@code buf[0]}. */
    private long base;
    /** Where the next record starts in {@code buf}, and its line. */
    private int pos;
    private long line = 1;

    private final RecordIndex waiting = new RecordIndex();

    CsvScanner(Reader in, char delimiter, boolean quotePadding, DecodingReader decoded) {
        this.in = in;
        this.delimiter = delimiter;
        this.quotePadding = quotePadding && delimiter != ' ' && delimiter != '\t';
        this.decoded = decoded;
    }

    /** Scans until {@code records} records wait to be taken, or the text ends; returns how many wait. */
    int fill(int records) throws IOException {
        return fill(records, Integer.MAX_VALUE);
    }

    /** The same, stopping early once the records waiting hold {@code maxChars} characters of text (memory stays bounded). */
    int fill(int records, int maxChars) throws IOException {
        while (waiting.count() < records && (waiting.count() == 0 || pos - waiting.firstStart() < maxChars)) {
            if (pos == limit && eof) {
                break;
            }
            if (pos == limit || !scanRecord()) {
                read();
            }
        }
        return waiting.count();
    }

    /** A copy of the records waiting, to look at without taking them (their ranges may then be narrowed freely). */
    RecordBlock peek() {
        return waiting.copy(buf);
    }

    /** Takes the first {@code max} records waiting (fewer if fewer wait) as a block of their own. */
    RecordBlock take(int max) {
        return waiting.take(max, buf);
    }

    /**
     * Reads more text. The buffer's characters are never changed (blocks taken share it): when it is full, the text of
     * the records still waiting moves to a new one, twice as large when they fill half of it.
     */
    private void read() throws IOException {
        if (limit - pos > MAX_RECORD_CHARS) {
            // read is only called when the record at pos runs on past limit
            throw new Malformed(Malformed.Kind.TOO_LONG, line);
        }
        if (limit == buf.length) {
            int keep = waiting.count() > 0 ? waiting.firstStart() : pos;
            int live = limit - keep;
            // twice as large when the text kept fills half of it; half as large when it is big and mostly free again
            int size = live > buf.length / 2 ? buf.length * 2
                    : buf.length > SHRINK_ABOVE && live < buf.length / 4 ? buf.length / 2 : buf.length;
            char[] next = new char[size];
            System.arraycopy(buf, keep, next, 0, live);
            waiting.shift(keep);
            buf = next;
            base += keep;
            pos -= keep;
            limit = live;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** Scans the record at {@code pos}; false (nothing kept) when the buffer ends before the record does. */
    private boolean scanRecord() {
        final char[] b = buf;
        final int lim = limit;
        final char d = delimiter;
        final int fieldsBefore = waiting.fields();
        int p = pos;
        long breaks = 0;
        while (true) {
            int from = p;
            int to = p;
            byte flags = 0;
            int padded = -1;
            if (quotePadding && p < lim && (b[p] == ' ' || b[p] == '\t')) {
                int q = p;
                while (q < lim && (b[q] == ' ' || b[q] == '\t')) {
                    q++;
                }
                if (q == lim && !eof) {
                    waiting.dropFieldsFrom(fieldsBefore);
                    return false;
                }
                if (q < lim && b[q] == '"') {
                    padded = p; // white space before an opening quote: padding, if the quoted value ends properly
                    p = q;
                }
            }
            boolean quoted = p < lim && b[p] == '"';
            if (quoted) {
                long breaksBefore = breaks;
                flags = RecordBlock.QUOTED;
                int q = p + 1;
                from = q;
                while (true) {
                    while (q < lim && b[q] != '"') {
                        char c = b[q];
                        if (c == '\n' || c == '\r' && (q + 1 == lim || b[q + 1] != '\n')) {
                            breaks++;
                        }
                        q++;
                    }
                    if (q + 1 >= lim && !eof) {
                        waiting.dropFieldsFrom(fieldsBefore);
                        return false;
                    }
                    if (q >= lim) {
                        if (padded >= 0) {
                            break;
                        }
                        throw new Malformed(Malformed.Kind.UNTERMINATED, line);
                    }
                    if (q + 1 < lim && b[q + 1] == '"') {
                        flags = RecordBlock.QUOTED | RecordBlock.ESCAPED;
                        q += 2;
                    } else {
                        break;
                    }
                }
                to = q;
                p = q + 1;
                while (p < lim && b[p] != d && b[p] != '\n' && b[p] != '\r') {
                    if (!Character.isWhitespace(b[p])) {
                        break;
                    }
                    p++;
                }
                if (q >= lim || p < lim && b[p] != d && b[p] != '\n' && b[p] != '\r') {
                    if (padded < 0) {
                        throw new Malformed(Malformed.Kind.AFTER_CLOSING_QUOTE, line + breaks);
                    }
                    // not padding after all ( "a"b): unquoted text from where the value started, as strict reading has it
                    quoted = false;
                    flags = 0;
                    breaks = breaksBefore;
                    p = padded;
                }
            }
            if (!quoted) {
                from = p;
                while (p < lim) {
                    char c = b[p];
                    if (c == d || c == '\n' || c == '\r') {
                        break;
                    }
                    p++;
                }
                to = p;
            }
            if (p >= lim && !eof) {
                waiting.dropFieldsFrom(fieldsBefore);
                return false;
            }
            waiting.addField(from, to, flags);
            if (p < lim && b[p] == d) {
                p++;
                continue;
            }
            int rawTo = p;
            if (p < lim) {
                if (b[p] == '\r' && p + 1 == lim && !eof) {
                    waiting.dropFieldsFrom(fieldsBefore);
                    return false;
                }
                p += b[p] == '\r' && p + 1 < lim && b[p + 1] == '\n' ? 2 : 1;
                breaks++;
            }
            addRecord(rawTo);
            pos = p;
            line += breaks;
            return true;
        }
    }

    private void addRecord(int rawTo) {
        long undecodable = decoded.firstUndecodable();
        if (undecodable >= 0 && undecodable < base + rawTo) {
            throw new Undecodable(line, waiting.fieldAt((int) (undecodable - base)));
        }
        waiting.addRecord(line, pos, rawTo);
    }

    /** Bytes the charset cannot decode, in the record starting on {@code line}, in field {@code field} (0-based, -1: unknown). */
    static final class Undecodable extends RuntimeException {
        final long line;
        final int field;

        Undecodable(long line, int field) {
            super("undecodable bytes", null, false, false);
            this.line = line;
            this.field = field;
        }
    }
}
