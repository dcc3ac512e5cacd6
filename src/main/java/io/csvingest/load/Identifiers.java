package io.csvingest.load;

import java.util.regex.Pattern;

import io.csvingest.IngestException;
import io.csvingest.clean.HeaderNormalizer;
import io.csvingest.intake.ReservedNames;

/** The only way a name reaches SQL: validated (a plain lower-case name, or a schema a feed names), then double-quoted. */
public final class Identifiers {

    private static final Pattern SAFE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Identifiers() {
    }

    /** {@code "name"}, or an exception if the name is anything but {@code [a-z_][a-z0-9_]*} (63 characters at most). */
    public static String quote(String name) {
        if (name == null || !SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe SQL identifier: " + name);
        }
        return '"' + name + '"';
    }

    /**
     * A schema name as a quoted identifier: any name PostgreSQL takes but its own schemas ({@link ReservedNames}),
     * with its double quotes doubled, so it is never read as anything but that one name.
     */
    public static String quoteSchema(String schema) {
        ReservedNames.schemaProblem(schema).ifPresent(problem -> {
            throw new IngestException("Not loaded: " + problem);
        });
        return '"' + schema.replace("\"", "\"\"") + '"';
    }

    /**
     * The table a file loads into: the feed's table if it names one, else named after the file ({@code Sales 2024.csv}
     * → {@code sales_2024}). Refuses the service's own tables and names starting with {@code pg_} (which unqualified
     * queries would confuse with PostgreSQL's catalogs), with a reason a user can act on.
     */
    public static String tableFor(String configuredTable, String fileName) {
        String table = plainTableFor(configuredTable, fileName);
        ReservedNames.tableProblem(table).ifPresent(problem -> {
            throw new IngestException("Cannot load " + fileName + ": " + problem);
        });
        return table;
    }

    /** Whether the table named after this file had to be shortened to PostgreSQL's 63 bytes (a hash keeps it apart). */
    public static boolean shortenedFor(String configuredTable, String fileName) {
        return (configuredTable == null || configuredTable.isBlank()) && HeaderNormalizer.isShortened(stem(fileName));
    }

    private static String stem(String fileName) {
        return fileName.replaceFirst("(?i)(\\.[a-z0-9]{1,4})?(\\.gz)?$", "");
    }

    private static String plainTableFor(String configuredTable, String fileName) {
        if (configuredTable != null && !configuredTable.isBlank()) {
            if (!SAFE.matcher(configuredTable).matches()) {
                throw new IngestException("The feed's table '" + configuredTable
                                          + "' is not a plain lower-case SQL name ([a-z_][a-z0-9_]*)");
            }
            return configuredTable;
        }
        String table = HeaderNormalizer.snakeCase(stem(fileName));
        if (table.isEmpty()) {
            throw new IngestException("Cannot name a table after the file '" + fileName
                                      + "': it has no letters or digits; rename the file or give the feed a table");
        }
        return table;
    }
}
