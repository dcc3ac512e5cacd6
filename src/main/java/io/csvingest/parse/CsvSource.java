package io.csvingest.parse;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import io.csvingest.IngestException;
import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Streams one RFC 4180 CSV file record by record in bounded memory (plain or {@code .gz}, any charset, BOM and
 * CRLF tolerated, delimiter detected), with a peekable sample, start line numbers and each record's original text.
 */
public final class CsvSource implements Closeable {

    /** Exchange property holding the open source of the file being loaded. */
    public static final String PROPERTY = "CsvIngestSource";

    private static final CSVFormat RFC4180 = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final String fileName;
    private final Dialect dialect;
    private final DecodingReader decoded;
    private final RawText raw;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final char delimiter;
    private final Deque<CsvRow> peeked = new ArrayDeque<>();
    private CSVRecord next;
    private long nextLine = 1;
    private long parsedLines;
    private CountingInputStream counted;
    private long size;
    private ReadAhead<List<CsvRow>> readAhead;

    private CsvSource(String fileName, Dialect dialect, DecodingReader decoded, BufferedReader reader) throws IOException {
        this.fileName = fileName;
        this.decoded = decoded;
        this.dialect = dialect;
        this.delimiter = dialect.delimiterFor(reader);
        this.raw = new RawText(reader);
        this.parser = CSVParser.builder().setReader(raw).setFormat(RFC4180.builder().setDelimiter(delimiter).get()).get();
        this.records = parser.iterator();
        this.next = advance();
        CsvRow first = read();
        if (first == null) {
            throw new IngestException(fileName + " is empty: a CSV file needs a header row naming its columns");
        }
        this.header = List.of(first.values());
    }

    public static CsvSource of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, CsvSource.class);
    }

    public static CsvSource open(Path file) throws IOException {
        return open(file, Dialect.DEFAULT);
    }

    /** Opens the file as its dialect says; a name ending in {@code .gz} is decompressed while it is read. */
    public static CsvSource open(Path file, Dialect dialect) throws IOException {
        String name = file.getFileName().toString();
        CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
        InputStream in = counted;
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                in = gunzip(in, name);
            }
            // a byte order mark says what the file is, whatever the feed's charset
            BOMInputStream bom = BOMInputStream.builder().setInputStream(in)
                    .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
            in = bom;
            Dialect effective = bom.hasBOM() ? new Dialect(dialect.delimiter(), Charset.forName(bom.getBOMCharsetName()))
                    : dialect;
            DecodingReader decoded = new DecodingReader(in, effective.charset());
            CsvSource source = new CsvSource(name, effective, decoded, new BufferedReader(decoded, 1 << 16));
            source.counted = counted;
            source.size = Files.size(file);
            return source;
        } catch (IOException | RuntimeException e) {
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

    /** The delimiter in use (the feed's, or the one detected from the header line). */
    public char delimiter() {
        return delimiter;
    }

    /** Up to {@code count} records after the header, read ahead but still returned by {@link #batches}. */
    public List<CsvRow> peek(int count) {
        readAhead(count);
        return peeked.stream().limit(count).toList();
    }

    /** Reads until {@code count} records wait in the read-ahead buffer; false if the file ends first. */
    private boolean readAhead(int count) {
        while (peeked.size() < count) {
            CsvRow row = read();
            if (row == null) {
                return false;
            }
            peeked.addLast(row);
        }
        return true;
    }

    /** The records after the header in lists of at most {@code size}, read lazily as the iterator is advanced. */
    public Iterator<List<CsvRow>> batches(int size) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return readAhead(1);
            }

            @Override
            public List<CsvRow> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<CsvRow> batch = new ArrayList<>(size);
                while (batch.size() < size && readAhead(1)) {
                    batch.add(peeked.removeFirst());
                }
                return batch;
            }
        };
    }

    /**
     * The same batches, parsed on a reader thread up to two batches ahead of the caller, so parsing overlaps cleaning
     * and loading; a parse failure surfaces when its batch is reached. The thread ends when the source is closed.
     */
    public Iterator<List<CsvRow>> batchesAhead(int size) {
        readAhead = new ReadAhead<>(batches(size), 2, "csv-read " + fileName);
        return readAhead;
    }

    /** The record after the current one is parsed first: where it starts is where the current one's text ends. */
    private CsvRow read() {
        if (next == null) {
            return null;
        }
        CSVRecord current = next;
        next = advance();
        long start = current.getCharacterPosition();
        long end = next == null ? raw.end() : next.getCharacterPosition();
        long breaks = 0;
        for (long at = start; at < end; at++) {
            char c = raw.charAt(at);
            if (c == '\n' || c == '\r' && (at + 1 == end || raw.charAt(at + 1) != '\n')) {
                breaks++;
            }
        }
        long line = nextLine;
        nextLine += breaks;
        long undecodable = decoded.firstUndecodable();
        if (undecodable >= start && undecodable < end) {
            throw new IngestException(ParseErrors.notText(fileName, dialect, line, current.values(), header));
        }
        long textEnd = end;
        if (textEnd > start && raw.charAt(textEnd - 1) == '\n') {
            textEnd--;
        }
        if (textEnd > start && raw.charAt(textEnd - 1) == '\r') {
            textEnd--;
        }
        String text = raw.slice(start, textEnd);
        raw.releaseBefore(end);
        return new CsvRow(line, current.values(), text);
    }

    private CSVRecord advance() {
        try {
            CSVRecord record = records.hasNext() ? records.next() : null;
            parsedLines = parser.getCurrentLineNumber();
            return record;
        } catch (UncheckedIOException e) {
            // the record that failed starts on the line after the last one parsed
            throw new IngestException(ParseErrors.describe(fileName, e.getCause(), parsedLines + 1,
                    parser.getCurrentLineNumber()), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (readAhead != null) {
            readAhead.close();
        }
        parser.close();
    }
}
