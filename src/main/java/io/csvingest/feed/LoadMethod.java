package io.csvingest.feed;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a feed's rows travel to PostgreSQL: COPY (fastest) or batched INSERTs through camel-sql (upsert needs it). */
public enum LoadMethod {
    /** {@code COPY ... FROM STDIN} through PgJDBC's CopyManager, on the file's pooled connection and transaction. */
    COPY,
    /** Batched {@code INSERT} statements through the camel-sql component. */
    INSERT;

    public static LoadMethod parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown method '" + value + "'; use one of "
                                               + Arrays.stream(values()).map(LoadMethod::option).collect(Collectors.joining(", ")));
        }
    }

    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}
