package io.csvingest.intake;

import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;

/** The running account of one file (rows read, loaded, blank, filtered, duplicate; time), shared across its batches. */
public final class FileLoad {

    public static final String PROPERTY = "CsvIngestFileLoad";

    private final String fileName;
    private final String table;
    private final long startNanos = System.nanoTime();
    private final LongAdder read = new LongAdder();
    private final LongAdder loaded = new LongAdder();
    private final LongAdder blank = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder batches = new LongAdder();

    public FileLoad(String fileName, String table) {
        this.fileName = fileName;
        this.table = table;
    }

    public static FileLoad of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, FileLoad.class);
    }

    public void countRead(int rows, int blankRows) {
        read.add(rows);
        blank.add(blankRows);
    }

    /** Rows a feed's row steps dropped (a filter that did not match). */
    public void countFiltered(int rows) {
        filtered.add(rows);
    }

    /** Rows superseded by a later row with the same key in the same file (upsert). */
    public void countDuplicates(int rows) {
        duplicates.add(rows);
    }

    public void countLoaded(int rows) {
        loaded.add(rows);
        batches.increment();
    }

    public String fileName() {
        return fileName;
    }

    public String table() {
        return table;
    }

    public long read() {
        return read.sum();
    }

    public long loaded() {
        return loaded.sum();
    }

    public long blank() {
        return blank.sum();
    }

    public long filtered() {
        return filtered.sum();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    public long batches() {
        return batches.sum();
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
