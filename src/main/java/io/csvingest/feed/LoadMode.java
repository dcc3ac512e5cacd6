package io.csvingest.feed;

/** How a feed's file meets the rows already in its table. */
public enum LoadMode {
    /** Add the file's rows to the table. */
    APPEND,
    /** The table's rows become exactly the file's rows, in the same transaction (readers see old or new). */
    REPLACE,
    /** Insert new keys, update rows whose key columns already exist ({@code INSERT ... ON CONFLICT DO UPDATE}). */
    UPSERT;

    public static LoadMode parse(String value) {
        return OptionValues.parse(LoadMode.class, "mode", value);
    }

    public String option() {
        return OptionValues.option(this);
    }
}
