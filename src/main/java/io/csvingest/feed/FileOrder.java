package io.csvingest.feed;

import java.util.Locale;

/** The order a replace or upsert feed's files load in, one at a time per table: by name, or by modification time. */
public enum FileOrder {
    /** By file name ({@code prices-2026-12-01.csv} before {@code prices-2026-12-02.csv}). */
    NAME,
    /** By last modification time, then name. */
    MODIFIED;

    public static FileOrder parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown fileOrder '" + value + "'; use name or modified");
        }
    }

    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}
