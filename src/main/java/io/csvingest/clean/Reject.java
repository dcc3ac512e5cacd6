package io.csvingest.clean;

/** A row that is not loaded: its start line, original text, the column at fault (empty if none) and why. */
public record Reject(long line, String raw, String column, String reason) {
}
