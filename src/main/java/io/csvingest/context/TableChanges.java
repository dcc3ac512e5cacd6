package io.csvingest.context;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a file's load did to its table's columns, for its report and log line: columns it added ({@code email text}),
 * columns it widened for values that did not fit ({@code qty bigint -> numeric}), and columns of the file its table
 * lacks that were ignored, with the number of values dropped.
 */
public final class TableChanges {

    private final List<String> added = new ArrayList<>();
    private final List<String> widened = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final LongAdder ignoredValues = new LongAdder();

    public synchronized void added(String column, String type) {
        added.add(column + " " + type);
    }

    public synchronized void widened(String column, String from, String to) {
        widened.add(column + " " + from + " -> " + to);
    }

    public synchronized void ignored(List<String> columns) {
        ignored.addAll(columns);
    }

    public void countIgnoredValues(long values) {
        ignoredValues.add(values);
    }

    public synchronized List<String> added() {
        return List.copyOf(added);
    }

    public synchronized List<String> widened() {
        return List.copyOf(widened);
    }

    public synchronized List<String> ignored() {
        return List.copyOf(ignored);
    }

    public long ignoredValues() {
        return ignoredValues.sum();
    }

    public synchronized boolean isEmpty() {
        return added.isEmpty() && widened.isEmpty() && ignored.isEmpty();
    }

    /** {@code added email text; widened qty bigint -> numeric; ignored note (12 values)}, or "" when nothing changed. */
    public synchronized String summary() {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("added column(s) " + String.join(", ", added));
        }
        if (!widened.isEmpty()) {
            parts.add("widened " + String.join(", ", widened));
        }
        if (!ignored.isEmpty()) {
            parts.add("ignored column(s) the table lacks " + String.join(", ", ignored) + " (" + ignoredValues() + " values)");
        }
        return String.join("; ", parts);
    }
}
