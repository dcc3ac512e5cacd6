package io.csvingest.feed;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A feed's cleaning options: trim values, which values mean NULL (an empty unquoted value always does; a quoted empty
 * {@code ""} is an empty string as in PostgreSQL's CSV rule, unless {@code quotedEmptyAsNull}), drop duplicate rows.
 */
public record Cleaning(boolean trim, Set<String> nullValues, boolean dropDuplicates, boolean quotedEmptyAsNull) {

    public static final Cleaning DEFAULT = new Cleaning(true, Set.of("", "NULL", "null", "N/A", "n/a"), true, false);

    /** {@code "NULL, N/A, -"}: comma-separated tokens replacing the defaults, compared after trimming (when trim is on). */
    public Cleaning withNullValues(String tokens) {
        Set<String> values = Arrays.stream(tokens.split(",")).map(String::strip).collect(Collectors.toCollection(HashSet::new));
        values.add("");
        return new Cleaning(trim, Set.copyOf(values), dropDuplicates, quotedEmptyAsNull);
    }

    public Cleaning withTrim(boolean trimValues) {
        return new Cleaning(trimValues, nullValues, dropDuplicates, quotedEmptyAsNull);
    }

    public Cleaning withDropDuplicates(boolean drop) {
        return new Cleaning(trim, nullValues, drop, quotedEmptyAsNull);
    }

    /** {@code ""} read as NULL like an empty unquoted value (true), or as an empty string (false, PostgreSQL's rule). */
    public Cleaning withQuotedEmptyAsNull(boolean asNull) {
        return new Cleaning(trim, nullValues, dropDuplicates, asNull);
    }
}
