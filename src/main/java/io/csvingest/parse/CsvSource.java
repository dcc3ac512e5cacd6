package io.csvingest.parse;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.csvingest.IngestException;
import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Streams one RFC 4180 CSV file record by record in bounded memory, with a peekable sample and line numbers. */
public final class CsvSource implements Closeable {

    /** Exchange property holding the open source of the file being loaded. */
    public static final String PROPERTY = "CsvIngestSource";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .get();

    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final Deque<CsvRow> peeked = new ArrayDeque<>();
    private long linesBefore;

    private CsvSource(String fileName, CSVParser parser) {
        this.fileName = fileName;
        this.parser = parser;
        this.records = parser.iterator();
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
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            return new CsvSource(file.getFileName().toString(), CSVParser.builder().setReader(reader).setFormat(FORMAT).get());
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The header row exactly as written in the file. */
    public List<String> header() {
        return header;
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

    private CsvRow read() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            String[] values = records.next().values();
            long startLine = linesBefore + 1;
            linesBefore = parser.getCurrentLineNumber();
            return new CsvRow(startLine, values);
        } catch (UncheckedIOException e) {
            throw new IngestException(describe(e.getCause()), e);
        }
    }

    private String describe(IOException e) {
        long line = parser.getCurrentLineNumber();
        if (e instanceof CharacterCodingException) {
            return fileName + " is not UTF-8 text: it is a binary file, or saved in another encoding (e.g. windows-1252);"
                   + " save it as UTF-8";
        }
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("eof reached before encapsulated token finished")) {
            return "Malformed CSV in " + fileName + ": a quoted field starting on line " + (linesBefore + 1)
                   + " is never closed (unterminated quote); the file ends inside it";
        }
        if (lower.contains("between encapsulated token and delimiter")) {
            return "Malformed CSV in " + fileName + " at line " + line
                   + ": unexpected character after a closing quote (a quote inside a field must be doubled: \"\")";
        }
        return "Malformed CSV in " + fileName + " near line " + line + ": " + message;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
