package io.csvingest.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lineage column a feed adds to the rows it loads, so every row says where it came from: the ledger id of the load
 * ({@code _load_id}, the id of its row in {@code csv_ingest_ledger}), the file's name ({@code _source_file}), the line
 * its record starts on ({@code _source_line}). Its field number is negative: no file column, filled by the service.
 */
public enum Lineage {
    LOAD("_load_id", "bigint"), FILE("_source_file", "text"), LINE("_source_line", "bigint");

    private final String column;
    private final String sqlType;

    Lineage(String column, String sqlType) {
        this.column = column;
        this.sqlType = sqlType;
    }

    public String column() {
        return column;
    }

    public String sqlType() {
        return sqlType;
    }

    /** Where a loaded column takes its value from, in place of a file column: -1, -2, -3. */
    public int field() {
        return -1 - ordinal();
    }

    /** The lineage column of a negative field number. */
    public static Lineage ofField(int field) {
        return values()[-1 - field];
    }

    /**
     * The feed option: {@code false} (none), {@code true} (the load id), or a list of {@code load}, {@code file},
     * {@code line} (comma- or space-separated, in any order; the columns come in that order).
     */
    public static List<Lineage> parse(String option) {
        String value = option == null ? "" : option.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("false")) {
            return List.of();
        }
        if (value.equals("true")) {
            return List.of(LOAD);
        }
        List<Lineage> chosen = new ArrayList<>();
        for (String word : value.replaceAll("[\\[\\]]", " ").split("[,\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            Lineage lineage;
            try {
                lineage = valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("lineage '" + option + "': '" + word
                                                   + "' is none of load, file, line (or say true or false)");
            }
            if (!chosen.contains(lineage)) {
                chosen.add(lineage);
            }
        }
        chosen.sort(null);
        return List.copyOf(chosen);
    }

    /** The lineage column named {@code column}, if it is one. */
    public static boolean isColumn(String column) {
        for (Lineage lineage : values()) {
            if (lineage.column.equals(column)) {
                return true;
            }
        }
        return false;
    }
}
