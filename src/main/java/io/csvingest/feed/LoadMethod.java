package io.csvingest.feed;

/** How a feed's rows travel to PostgreSQL: COPY (fastest) or batched INSERTs through camel-sql (upsert needs it). */
public enum LoadMethod {
    /** {@code COPY ... FROM STDIN} through PgJDBC's CopyManager, on the file's pooled connection and transaction. */
    COPY,
    /** Batched {@code INSERT} statements through the camel-sql component. */
    INSERT;

    public static LoadMethod parse(String value) {
        return OptionValues.parse(LoadMethod.class, "method", value);
    }

    public String option() {
        return OptionValues.option(this);
    }
}
