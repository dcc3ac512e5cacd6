package io.csvingest.load;

import io.csvingest.IngestException;
import io.csvingest.feed.Names;
import io.csvingest.feed.ReservedNames;

/** The only way a name reaches SQL: validated (a name {@link Names} made, or a schema a feed names), then double-quoted. */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * {@code "name"}, or an exception if the name is not one of ours ({@link Names#isPlain}: letters of any script,
     * digits, single underscores, at most 63 bytes; never a quote).
     */
    public static String quote(String name) {
        if (!Names.isPlain(name)) {
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
