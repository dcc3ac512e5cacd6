package io.csvingest.parse;

/** One CSV record as read: the line it starts on (1-based; the header is line 1) and its field values. */
public record CsvRow(long line, String[] values) {
}
