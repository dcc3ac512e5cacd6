package io.csvingest.feed;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where no file may load: PostgreSQL's own schemas ({@code pg_catalog}, {@code information_schema}, {@code pg_toast},
 * any {@code pg_*}), tables named like its catalogs ({@code pg_*}), and the service's own tables. Checked when a feed
 * names them and again for every file, so a file name cannot reach them either.
 */
public final class ReservedNames {

    /** Tables of the service itself: the load ledger, its schema history, the file claims. */
    public static final Set<String> SERVICE_TABLES = Set.of("csv_ingest_ledger", "csv_ingest_schema_history", "csv_ingest_claim");
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");
    /** PostgreSQL's limit for any name, in bytes of the database encoding (UTF-8 here). */
    private static final int MAX_NAME_BYTES = 63;

    private ReservedNames() {
    }

    /** Why a schema cannot be a feed's target, or empty when it can. */
    public static Optional<String> schemaProblem(String schema) {
        if (schema == null || schema.isBlank()) {
            return Optional.of("a schema needs a name, e.g. staging");
        }
        if (schema.indexOf('\0') >= 0 || schema.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return Optional.of("schema '" + schema + "' is not a PostgreSQL name (at most 63 bytes, no NUL)");
        }
        String lower = schema.toLowerCase(Locale.ROOT);
        if (SYSTEM_SCHEMAS.contains(lower) || lower.startsWith("pg_")) {
            return Optional.of("schema " + schema + " belongs to PostgreSQL itself and no file may load into it;"
                               + " name a schema of your own");
        }
        return Optional.empty();
    }

    /** Why a table name cannot be loaded into, or empty when it can. */
    public static Optional<String> tableProblem(String table) {
        if (SERVICE_TABLES.contains(table)) {
            return Optional.of("table " + table + " belongs to csv-ingest itself (its load ledger); rename the file or"
                               + " give the feed another table");
        }
        if (table.startsWith("pg_")) {
            return Optional.of("table name " + table + " starts with pg_ like PostgreSQL's own catalogs (a query without"
                               + " the schema would read the catalog, not your table); rename the file or give the"
                               + " feed another table");
        }
        return Optional.empty();
    }
}
