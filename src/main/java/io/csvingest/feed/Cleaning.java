package io.csvingest.feed;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A feed's cleaning options: trim values, which values mean NULL (the empty value always does), drop duplicate rows. */
public record Cleaning(boolean trim, Set<String> nullValues, boolean dropDuplicates) {

    public static final Cleaning DEFAULT = new Cleaning(true, Set.of("", "NULL", "null", "N/A", "n/a"), true);

    /** {@code "NULL, N/A, -"}: comma-separated tokens replacing the defaults, compared after trimming (when trim is on). */
    public Cleaning withNullValues(String tokens) {
        Set<String> values = Arrays.stream(tokens.split(",")).map(String::strip).collect(Collectors.toCollection(HashSet::new));
        values.add("");
        return new Cleaning(trim, Set.copyOf(values), dropDuplicates);
    }

    public Cleaning withTrim(boolean trimValues) {
        return new Cleaning(trimValues, nullValues, dropDuplicates);
    }

    public Cleaning withDropDuplicates(boolean drop) {
        return new Cleaning(trim, nullValues, drop);
    }
}
