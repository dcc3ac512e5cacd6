package io.csvingest.feed;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A feed option whose values are an enum's constants written in lower case ({@code mode: replace}): one way to read them. */
final class OptionValues {

    private OptionValues() {
    }

    /** The constant {@code value} names (any case, edge spaces ignored); else why not, listing the values there are. */
    static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown " + option + " '" + value + "'; use one of "
                                               + Arrays.stream(type.getEnumConstants()).map(OptionValues::option)
                                                       .collect(Collectors.joining(", ")));
        }
    }

    /** How the constant is written in a feed: its name in lower case. */
    static String option(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
