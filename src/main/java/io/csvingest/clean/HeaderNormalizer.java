package io.csvingest.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.csvingest.IngestException;
import io.csvingest.feed.Names;

/**
 * Turns a CSV header into unique column names ({@link Names#snakeCase}): an empty name by its position, a repeated one
 * with a {@code _2}, one named like a PostgreSQL system column with a trailing {@code _}.
 */
public final class HeaderNormalizer {
    /** PostgreSQL's system columns, which no table can have a column of the same name as (xmin, xmax: GIS data has them). */
    private static final Set<String> SYSTEM_COLUMNS = Set.of("tableoid", "xmin", "cmin", "xmax", "cmax", "ctid");

    private HeaderNormalizer() {
    }

    public static List<String> normalize(List<String> header) {
        if (header.stream().allMatch(name -> Names.snakeCase(name).isEmpty())) {
            throw new IngestException("The first line has no column names (" + header.size() + " empty field(s));"
                                      + " a CSV file needs a header row naming its columns");
        }
        List<String> names = new ArrayList<>(header.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = Names.snakeCase(header.get(i));
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
            } else if (SYSTEM_COLUMNS.contains(name)) {
                name = name + "_";
            }
            names.add(unique(name, taken));
        }
        return names;
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            String suffix = "_" + n;
            candidate = name.substring(0, Math.min(name.length(), Names.MAX_IDENTIFIER - suffix.length())) + suffix;
        }
        return candidate;
    }
}
