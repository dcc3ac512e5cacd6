package io.csvingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.csvingest.clean.RowBatch;
import io.csvingest.parse.CsvSource;
import io.csvingest.parse.RecordBlock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Records as the real parser reads them from CSV text (a header line first), for tests of the steps after it. */
public final class Records {

    private Records() {
    }

    /** All records after the header, in one block. */
    public static RecordBlock block(String csv) {
        try {
            Path file = Files.createTempFile("records", ".csv");
            try {
                Files.writeString(file, csv, StandardCharsets.UTF_8);
                try (CsvSource source = CsvSource.open(file)) {
                    Iterator<RecordBlock> blocks = source.batches(Integer.MAX_VALUE);
                    return blocks.hasNext() ? blocks.next() : source.peek(1); // no records: an empty block
                }
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RowBatch batch(String csv) {
        return new RowBatch(block(csv));
    }

    /** The rows of a CSV file the service wrote (a rejects file), each as header name to value. */
    public static List<Map<String, String>> read(Path file) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return parser.getRecords().stream().map(CSVRecord::toMap).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
