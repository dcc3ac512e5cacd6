package io.csvingest.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Where the database password comes from: secret file, variable, default. */
class SecretPropertiesFunctionTest {

    @TempDir
    Path dir;

    @Test
    void should_prefer_the_secret_file_over_the_variable() throws IOException {
        Path secret = Files.writeString(dir.resolve("db_password"), "from-file\n");
        SecretPropertiesFunction function = new SecretPropertiesFunction(
                Map.of("DB_PASSWORD_FILE", secret.toString(), "DB_PASSWORD", "from-env")::get);
        assertEquals("from-file", function.apply("DB_PASSWORD"));
    }

    @Test
    void should_read_the_variable_then_the_default() {
        assertEquals("from-env", new SecretPropertiesFunction(Map.of("DB_PASSWORD", "from-env")::get).apply("DB_PASSWORD:x"));
        assertEquals("x", new SecretPropertiesFunction(name -> null).apply("DB_PASSWORD:x"));
        assertEquals("", new SecretPropertiesFunction(name -> null).apply("DB_PASSWORD:"));
        assertNull(new SecretPropertiesFunction(name -> null).apply("DB_PASSWORD"));
    }

    @Test
    void should_fail_clearly_when_the_secret_file_is_missing() {
        SecretPropertiesFunction function = new SecretPropertiesFunction(
                Map.of("DB_PASSWORD_FILE", dir.resolve("missing").toString())::get);
        assertThrows(UncheckedIOException.class, () -> function.apply("DB_PASSWORD"));
    }
}
