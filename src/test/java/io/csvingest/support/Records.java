package io.csvingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import io.csvingest.clean.RowBatch;
import io.csvingest.parse.CsvSource;
import io.csvingest.parse.RecordBlock;

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
                    return blocks.next();
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
}
