package io.csvingest.parse;

/**
 * One CSV record as read: the line it starts on (1-based; the header is line 1), its field values and its original
 * text without the line break (what a reject file shows).
 */
public record CsvRow(long line, String[] values, String raw) {
}
