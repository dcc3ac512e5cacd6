package io.csvingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a statement from {@code src/main/resources/sql/<name>.sql}: SQL longer than a line lives in .sql files. */
public final class SqlFile {

    private SqlFile() {
    }

    public static String read(String name) {
        try (InputStream in = SqlFile.class.getResourceAsStream("/sql/" + name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("No sql/" + name + ".sql on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
