package io.csvingest.intake;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A feed's cleaning options: whether values are trimmed, and which values mean NULL (the empty value always does). */
public record Cleaning(boolean trim, Set<String> nullValues) {

    public static final Cleaning DEFAULT = new Cleaning(true, Set.of(""));

    /** {@code "NULL, N/A, -"}: comma-separated tokens, compared after trimming (when trim is on). */
    public Cleaning withNullValues(String tokens) {
        Set<String> values = Arrays.stream(tokens.split(",")).map(String::strip).collect(Collectors.toCollection(HashSet::new));
        values.add("");
        return new Cleaning(trim, Set.copyOf(values));
    }

    public Cleaning withTrim(boolean trimValues) {
        return new Cleaning(trimValues, nullValues);
    }
}
