package io.csvingest.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.csvingest.support.ServiceVariables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the database password comes from (secret file, then variable) and that it is kept exactly as given. */
class DatabasePasswordTest {

    /** Everything a placeholder parser, a shell or a trimmer would touch. */
    private static final String HOSTILE = " Ab{{x}}c${y}$z'\"\\ é-ü {{secret:DB_PASSWORD}} %s \\n\t ";

    @TempDir
    Path dir;

    private Path secretFile(String content) throws IOException {
        return Files.write(dir.resolve("db_password"), content.getBytes(StandardCharsets.UTF_8));
    }

    private static DatabasePassword from(Map<String, String> environment) {
        return new DatabasePassword(environment::get);
    }

    @Test
    void should_read_the_secret_file_when_both_the_file_and_the_variable_are_set() throws IOException {
        Path secret = secretFile("from-file\n");
        assertEquals("from-file", from(Map.of("DB_PASSWORD_FILE", secret.toString(), "DB_PASSWORD", "from-env")).read());
    }

    @Test
    void should_read_the_variable_when_no_secret_file_is_named() {
        assertEquals("from-env", from(Map.of("DB_PASSWORD", "from-env")).read());
        assertEquals("from-env", from(Map.of("DB_PASSWORD_FILE", " ", "DB_PASSWORD", "from-env")).read());
    }

    @Test
    void should_be_empty_when_neither_is_set() {
        assertEquals("", from(Map.of()).read());
    }

    @Test
    void should_keep_every_character_of_the_variable_when_it_looks_like_a_placeholder() {
        assertEquals(HOSTILE, from(Map.of("DB_PASSWORD", HOSTILE)).read());
        assertEquals("{{x}}", from(Map.of("DB_PASSWORD", "{{x}}")).read());
        assertEquals("${y}", from(Map.of("DB_PASSWORD", "${y}")).read());
    }

    @Test
    void should_drop_exactly_one_final_line_break_when_reading_the_secret_file() throws IOException {
        for (Map.Entry<String, String> file : Map.of(
                HOSTILE + "\n", HOSTILE,
                HOSTILE + "\r\n", HOSTILE,
                HOSTILE, HOSTILE,
                HOSTILE + "\n\n", HOSTILE + "\n",
                HOSTILE + "\r\n\r\n", HOSTILE + "\r\n",
                "\n", "",
                "", "").entrySet()) {
            Path secret = secretFile(file.getKey());
            assertEquals(file.getValue(), from(Map.of("DB_PASSWORD_FILE", secret.toString())).read(),
                    "from a file holding " + file.getKey().replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void should_keep_the_secret_file_byte_for_byte_when_it_holds_spaces_quotes_and_non_ascii() throws IOException {
        Path secret = secretFile(HOSTILE + "\n");
        assertArrayEquals(HOSTILE.getBytes(StandardCharsets.UTF_8),
                from(Map.of("DB_PASSWORD_FILE", secret.toString())).read().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_fail_naming_the_variable_and_the_path_but_no_content_when_the_secret_file_is_missing() {
        Path missing = dir.resolve("missing");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> from(Map.of("DB_PASSWORD_FILE", missing.toString(), "DB_PASSWORD", HOSTILE)).read());
        assertTrue(e.getMessage().contains("DB_PASSWORD_FILE") && e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        assertFalse(e.getMessage().contains("{{x}}"), e.getMessage());
    }

    @Test
    void should_fail_without_showing_the_content_when_the_secret_file_is_not_utf_8() throws IOException {
        Path secret = Files.write(dir.resolve("latin1"), "Ab{{x}}\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> from(Map.of("DB_PASSWORD_FILE", secret.toString())).read());
        assertTrue(e.getMessage().contains(secret.toString()) && e.getMessage().contains("not UTF-8"), e.getMessage());
        assertFalse(e.getMessage().contains("{{x}}"), e.getMessage());
    }

    @Test
    void should_be_among_the_variables_the_service_reads_when_deployments_are_checked() {
        assertTrue(ServiceVariables.read().containsAll(Set.of("DB_PASSWORD", "DB_PASSWORD_FILE")), ServiceVariables.read().toString());
    }
}
