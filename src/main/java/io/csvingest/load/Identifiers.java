package io.csvingest.load;

import java.util.regex.Pattern;

import io.csvingest.IngestException;
import io.csvingest.clean.HeaderNormalizer;

/** The only way a name reaches SQL: validated as a plain lower-case identifier, then double-quoted. */
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

    /** The feed's table if it names one, else a table named after the file: {@code Sales 2024.csv} -> {@code sales_2024}. */
    /** Tables of the service itself, which no file may load into. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("csv_ingest_ledger", "csv_ingest_schema_history", "csv_ingest_claim");

    public static String tableFor(String configuredTable, String fileName) {
        String table = plainTableFor(configuredTable, fileName);
        if (RESERVED.contains(table)) {
            throw new IngestException("Table " + table + " belongs to csv-ingest itself (its load ledger); rename the file"
                                      + " or give the feed another table");
        }
        return table;
    }

    private static String plainTableFor(String configuredTable, String fileName) {
        if (configuredTable != null && !configuredTable.isBlank()) {
            if (!SAFE.matcher(configuredTable).matches()) {
                throw new IngestException("The feed's table '" + configuredTable
                                          + "' is not a plain lower-case SQL name ([a-z_][a-z0-9_]*)");
            }
            return configuredTable;
        }
        String stem = fileName.replaceFirst("(?i)(\\.[a-z0-9]{1,4})?(\\.gz)?$", "");
        String table = HeaderNormalizer.snakeCase(stem);
        if (table.isEmpty()) {
            throw new IngestException("Cannot name a table after the file '" + fileName
                                      + "': it has no letters or digits; rename the file or give the feed a table");
        }
        return table;
    }
}
