package io.csvingest.parse;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** Keeps the characters the CSV parser reads, so each record's original text can be cut out for its reject line. */
final class RawText extends FilterReader {

    private final StringBuilder window = new StringBuilder(1 << 16);
    private long windowStart;

    RawText(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            window.append((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            window.append(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("the raw text of every record is kept, nothing is skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Position just after the last character read so far (at the end of the file: its length in characters). */
    long end() {
        return windowStart + window.length();
    }

    char charAt(long position) {
        return window.charAt((int) (position - windowStart));
    }

    /** The text between two positions still kept (from the oldest record not yet released). */
    String slice(long from, long to) {
        return window.substring((int) (from - windowStart), (int) (to - windowStart));
    }

    /** Forgets the text before {@code position}; copies only when that frees at least half of what is kept. */
    void releaseBefore(long position) {
        int drop = (int) (position - windowStart);
        if (drop > 8192 && drop >= window.length() / 2) {
            window.delete(0, drop);
            windowStart = position;
        }
    }
}
