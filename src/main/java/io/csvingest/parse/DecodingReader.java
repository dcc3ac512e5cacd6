package io.csvingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes like {@link java.io.InputStreamReader}, but remembers where it met the first bytes that are not
 * valid in the charset (it writes U+FFFD there and reads on), so the record holding them can be named exactly; a
 * U+FFFD that is really in the text is not mistaken for one.
 */
final class DecodingReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean endOfInput;
    private boolean flushing;
    private boolean flushed;
    private long charsRead;
    private long firstUndecodable = -1;

    DecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Position (in characters) of the first undecodable input, or -1. */
    long firstUndecodable() {
        return firstUndecodable;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0 || flushed) {
            return flushed ? -1 : 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.hasRemaining()) {
            if (flushing) {
                flushed = decoder.flush(out).isUnderflow();
                break;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                if (!out.hasRemaining()) {
                    break;
                }
                if (firstUndecodable < 0) {
                    firstUndecodable = charsRead + out.position() - offset;
                }
                bytes.position(bytes.position() + result.length());
                out.put('\uFFFD');
            } else if (result.isOverflow()) {
                break;
            } else if (endOfInput) {
                flushing = true;
            } else if (out.position() > offset && in.available() <= 0) {
                break;
            } else {
                fill();
            }
        }
        int n = out.position() - offset;
        charsRead += n;
        return n == 0 && flushed ? -1 : n;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
