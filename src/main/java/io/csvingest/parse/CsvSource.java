package io.csvingest.parse;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import io.csvingest.IngestException;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.Dialect;
import org.apache.camel.Exchange;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Streams one RFC 4180 CSV file in blocks of records in bounded memory (plain or {@code .gz}, any charset, BOM and
 * CRLF tolerated, delimiter named by an Excel {@code sep=} line or detected), with a peekable sample, start line numbers and each record's original text.
 */
public final class CsvSource implements Closeable {

    /** The open source of the file being loaded. */
    public static final LoadContext.Part<CsvSource> PART = LoadContext.part("CSV source", "OpenCsvProcessor");
    /** A block ends at its row count or at this many characters (8 MB of text, plus 9 bytes of index per field), whichever comes first. */
    static final int MAX_BLOCK_CHARS = 1 << 22;

    private final String fileName;
    private final Dialect dialect;
    private final Reader reader;
    private final CsvScanner scanner;
    private final List<String> header;
    private final char delimiter;
    private final boolean sepLine;
    private CountingInputStream counted;
    private long size;
    private ReadAhead<?> readAhead;

    private CsvSource(String fileName, Dialect dialect, DecodingReader decoded, BufferedReader reader) throws IOException {
        this.fileName = fileName;
        this.dialect = dialect;
        this.reader = reader;
        Character named = DelimiterDetection.sepLine(reader);
        this.sepLine = named != null;
        this.delimiter = sepLine ? named : DelimiterDetection.delimiterFor(dialect, reader);
        this.scanner = new CsvScanner(reader, delimiter, dialect.quotePadding(), decoded);
        if (sepLine && fill(1, null) > 0) {
            scanner.take(1); // Excel's "sep=;" line named the delimiter; the header follows it
        }
        if (fill(1, null) == 0) {
            throw new IngestException(fileName + " is empty: a CSV file needs a header row naming its columns");
        }
        RecordBlock first = scanner.take(1);
        this.header = List.of(first.values(0));
    }

    public static CsvSource of(Exchange exchange) {
        return LoadContext.of(exchange).get(PART);
    }

    public static CsvSource open(Path file) throws IOException {
        return open(file, Dialect.DEFAULT);
    }

    /** Opens the file as its dialect says; a name ending in {@code .gz} is decompressed while it is read. */
    public static CsvSource open(Path file, Dialect dialect) throws IOException {
        return open(Files.newInputStream(file), file.getFileName().toString(), Files.size(file), dialect);
    }

    /**
     * Reads a file of {@code size} bytes named {@code name} from {@code bytes} (closed with the source) as its dialect
     * says; a name ending in {@code .gz} is decompressed while it is read.
     */
    public static CsvSource open(InputStream bytes, String name, long size, Dialect dialect) throws IOException {
        CountingInputStream counted = new CountingInputStream(bytes);
        InputStream in = counted;
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                in = gunzip(in, name);
            }
            // a byte order mark says what the file is, whatever the feed's charset
            BOMInputStream bom = BOMInputStream.builder().setInputStream(in)
                    .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
            in = bom;
            Dialect effective = bom.hasBOM() ? dialect.withCharset(Charset.forName(bom.getBOMCharsetName())) : dialect;
            DecodingReader decoded = new DecodingReader(in, effective.charset());
            CsvSource source = new CsvSource(name, effective, decoded, new BufferedReader(decoded, 1 << 16));
            source.counted = counted;
            source.size = size;
            return source;
        } catch (IOException e) {
            in.close();
            throw new IngestException(ParseErrors.unreadable(name, e), e);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static InputStream gunzip(InputStream in, String name) throws IOException {
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (ZipException e) {
            throw new IngestException(name + " is named .gz but is not gzip-compressed (" + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new IngestException(name + " is empty or a truncated gzip file; compress it again", e);
        }
    }

    /** The header row exactly as written in the file. */
    public List<String> header() {
        return header;
    }

    /** Bytes of the file read so far (compressed bytes for a .gz), and the file's size: how far the load is. */
    public long bytesRead() {
        return counted == null ? 0 : counted.count();
    }

    public long size() {
        return size;
    }

    /** The delimiter in use (named by the file's {@code sep=} line, else the feed's, else detected from the header line). */
    public char delimiter() {
        return delimiter;
    }

    /** Whether the file began with Excel's {@code sep=} line (skipped: the header is the line after it). */
    public boolean hasSepLine() {
        return sepLine;
    }

    /** A copy of the first records after the header (at least {@code count} unless the file ends first), read ahead but still returned by {@link #batches}. */
    public RecordBlock peek(int count) {
        fill(count, header);
        return scanner.peek();
    }

    /** The records after the header in blocks of at most {@code size} (and about 8 MB), read lazily as the iterator is advanced. */
    public Iterator<RecordBlock> batches(int size) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return fill(1, header) > 0;
            }

            @Override
            public RecordBlock next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int records = fill(size, MAX_BLOCK_CHARS, header);
                return scanner.take(Math.min(size, records));
            }
        };
    }

    /**
     * The same blocks, parsed and passed through {@code stage} (cleaning) on a reader thread up to two blocks ahead
     * of the caller, so that work overlaps loading; a failure surfaces when its block is reached. The thread ends when
     * the source is closed.
     */
    public <T> Iterator<T> batchesAhead(int size, Function<RecordBlock, T> stage) {
        Iterator<RecordBlock> blocks = batches(size);
        ReadAhead<T> ahead = new ReadAhead<>(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return blocks.hasNext();
            }

            @Override
            public T next() {
                return stage.apply(blocks.next());
            }
        }, 2, "csv-read " + fileName);
        readAhead = ahead;
        return ahead;
    }

    /** Scans until {@code count} records wait (or the file ends); malformed text becomes a reason in plain words. */
    private int fill(int count, List<String> columns) {
        return fill(count, Integer.MAX_VALUE, columns);
    }

    private int fill(int count, int maxChars, List<String> columns) {
        try {
            return scanner.fill(count, maxChars);
        } catch (CsvScanner.Malformed e) {
            throw new IngestException(switch (e.kind) {
                case UNTERMINATED -> ParseErrors.unterminated(fileName, e.line);
                case AFTER_CLOSING_QUOTE -> ParseErrors.afterClosingQuote(fileName, e.line);
                case TOO_LONG -> ParseErrors.tooLong(fileName, e.line, CsvScanner.MAX_RECORD_CHARS);
            }, e);
        } catch (CsvScanner.Undecodable e) {
            throw new IngestException(ParseErrors.notText(fileName, dialect, e.line, e.field, columns), e);
        } catch (IOException e) {
            throw new IngestException(ParseErrors.unreadable(fileName, e), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (readAhead != null) {
            readAhead.close();
        }
        reader.close();
    }
}
