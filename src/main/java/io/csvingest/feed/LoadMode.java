package io.csvingest.feed;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a feed's file meets the rows already in its table. */
public enum LoadMode {
    /** Add the file's rows to the table. */
    APPEND,
    /** The table's rows become exactly the file's rows, in the same transaction (readers see old or new). */
    REPLACE,
    /** Insert new keys, update rows whose key columns already exist ({@code INSERT ... ON CONFLICT DO UPDATE}). */
    UPSERT;

    public static LoadMode parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown mode '" + value + "'; use one of "
                                               + Arrays.stream(values()).map(LoadMode::option).collect(Collectors.joining(", ")));
        }
    }

    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}
