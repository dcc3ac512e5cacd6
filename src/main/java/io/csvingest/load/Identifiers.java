package io.csvingest.load;

import java.util.regex.Pattern;

import io.csvingest.IngestException;
import io.csvingest.feed.ReservedNames;

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
}
