package io.csvingest.context;

import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;

/**
 * The running account of one file, shared across its batches: every row read ends up loaded, rejected, blank,
 * filtered (row steps) or a duplicate, and {@link #reconciles()} checks that they add up.
 */
public final class FileLoad {

    private final String fileName;
    private final String schema;
    private final String table;
    private final long startNanos = System.nanoTime();
    private final java.time.Instant started = java.time.Instant.now();
    private final LongAdder read = new LongAdder();
    private final LongAdder loaded = new LongAdder();
    private final LongAdder blank = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final TableChanges tableChanges = new TableChanges();
    private volatile long progressLoggedAt = System.nanoTime();

    public FileLoad(String fileName, String schema, String table) {
        this.fileName = fileName;
        this.schema = schema;
        this.table = table;
    }

    public static FileLoad of(Exchange exchange) {
        return LoadContext.of(exchange).account();
    }

    public void countRead(int rows, int blankRows) {
        read.add(rows);
        blank.add(blankRows);
    }

    /** Rows a feed's row steps dropped (a filter that did not match). */
    public void countFiltered(int rows) {
        filtered.add(rows);
    }

    /** Exact duplicates of an earlier row, and rows superseded by a later row with the same key (upsert). */
    public void countDuplicates(int rows) {
        duplicates.add(rows);
    }

    public void countLoaded(int rows) {
        loaded.add(rows);
    }

    public void countRejected(int rows) {
        rejected.add(rows);
    }

    /** What the load did to its table's columns (added, widened, ignored). */
    public TableChanges tableChanges() {
        return tableChanges;
    }

    public void countBatch() {
        batches.increment();
    }

    /** read = loaded + rejected + duplicates + blank + filtered. */
    public boolean reconciles() {
        return read() == loaded() + rejected() + duplicates() + blank() + filtered();
    }

    public String fileName() {
        return fileName;
    }

    /** The schema of the target table. */
    public String schema() {
        return schema;
    }

    /** The target table's name within its schema. */
    public String table() {
        return table;
    }

    /** {@code schema.table}, as logs, reasons and reports name the target. */
    public String target() {
        return schema + "." + table;
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

    public long rejected() {
        return rejected.sum();
    }

    public long batches() {
        return batches.sum();
    }

    /** When the last progress line was written (System.nanoTime); the load's start until then. */
    public long progressLoggedAt() {
        return progressLoggedAt;
    }

    public void progressLogged(long nanoTime) {
        progressLoggedAt = nanoTime;
    }

    public java.time.Instant started() {
        return started;
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
