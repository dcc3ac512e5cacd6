package io.csvingest.feed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.csvingest.clean.HeaderNormalizer;
import io.csvingest.feed.Names;

/** One entry of a feed's {@code columns} option: CSV header {@code source} loads into {@code target}, typed if given. */
public record ColumnSpec(String source, String target, ColumnType type) {

    /**
     * Parses {@code "Order ID=order_id:bigint, total:numeric, Customer Name=customer"}: entries separated by commas,
     * each {@code header[=column][:type]}; names are compared and written in lower_snake_case.
     */
    public static List<ColumnSpec> parseAll(String option) {
        List<ColumnSpec> specs = new ArrayList<>();
        for (String entry : option.split(",")) {
            if (!entry.isBlank()) {
                ColumnSpec spec = parse(entry.strip());
                if (specs.stream().anyMatch(other -> other.source().equals(spec.source()))) {
                    throw new IllegalArgumentException("Column '" + spec.source() + "' is mapped twice in '" + option + "'");
                }
                specs.add(spec);
            }
        }
        return List.copyOf(specs);
    }

    private static ColumnSpec parse(String entry) {
        String mapping = entry;
        ColumnType type = null;
        int colon = entry.lastIndexOf(':');
        // "Ratio A:B=ratio" maps a header containing ':'; only a trailing ':name' without '=' is a type
        if (colon >= 0 && entry.indexOf('=', colon) < 0) {
            mapping = entry.substring(0, colon);
            type = type(entry.substring(colon + 1).strip(), entry);
        }
        int equals = mapping.indexOf('=');
        String source = Names.snakeCase(equals < 0 ? mapping : mapping.substring(0, equals));
        String target = Names.snakeCase(equals < 0 ? mapping : mapping.substring(equals + 1));
        if (source.isEmpty() || target.isEmpty()) {
            throw new IllegalArgumentException("Column entry '" + entry + "' needs a header name, e.g. 'total:numeric'");
        }
        return new ColumnSpec(source, target, type);
    }

    private static ColumnType type(String name, String entry) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (ColumnType type : ColumnType.values()) {
            if (type.sql().equals(wanted) || type.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown column type '" + name + "' in '" + entry + "'; use one of "
                                           + Arrays.stream(ColumnType.values()).map(ColumnType::sql)
                                                   .collect(Collectors.joining(", ")));
    }
}
