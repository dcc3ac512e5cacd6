package io.csvingest.feed;

/** The order a replace or upsert feed's files load in, one at a time per table: by name, or by modification time. */
public enum FileOrder {
    /** By file name ({@code prices-2026-12-01.csv} before {@code prices-2026-12-02.csv}). */
    NAME,
    /** By last modification time, then name. */
    MODIFIED;

    public static FileOrder parse(String value) {
        return OptionValues.parse(FileOrder.class, "fileOrder", value);
    }

    public String option() {
        return OptionValues.option(this);
    }
}
