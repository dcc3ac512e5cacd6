package io.csvingest.feed;

/** What a file's columns that its existing table lacks do: added to the table, ignored (counted), or the file refused. */
public enum NewColumns {
    /** {@code ALTER TABLE ... ADD COLUMN} in the file's transaction, typed as the feed maps or as inferred. */
    ADD,
    /** The known columns load; the values of the others are dropped and counted in the report. */
    IGNORE,
    /** The file is dead-lettered, naming the columns the table lacks. */
    REJECT;

    public static NewColumns parse(String value) {
        return OptionValues.parse(NewColumns.class, "newColumns", value);
    }

    public String option() {
        return OptionValues.option(this);
    }
}
