package io.csvingest.feed;

import java.util.Locale;

/** What a file's columns that its existing table lacks do: added to the table, ignored (counted), or the file refused. */
public enum NewColumns {
    /** {@code ALTER TABLE ... ADD COLUMN} in the file's transaction, typed as the feed maps or as inferred. */
    ADD,
    /** The known columns load; the values of the others are dropped and counted in the report. */
    IGNORE,
    /** The file is dead-lettered, naming the columns the table lacks. */
    REJECT;

    public static NewColumns parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown newColumns '" + value + "'; use add, ignore or reject");
        }
    }

    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}
