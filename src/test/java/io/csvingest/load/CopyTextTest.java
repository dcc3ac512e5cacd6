package io.csvingest.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyTextTest {

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private int writes;
    private final CopyText text = new CopyText((bytes, length) -> {
        sent.write(bytes, 0, length);
        writes++;
    });

    private String copied() {
        return sent.toString(StandardCharsets.UTF_8);
    }

    @Test
    void should_escape_what_copy_text_format_treats_specially_and_write_null_as_backslash_n() throws SQLException {
        text.row(new String[] {"a\tb", "back\\slash", null, "line\nbreak\r\n", "\\N", ""});
        text.flush();
        assertEquals("a\\tb\tback\\\\slash\t\\N\tline\\nbreak\\r\\n\t\\\\N\t\n", copied());
    }

    @Test
    void should_encode_non_ascii_text_as_utf8_including_characters_outside_the_basic_plane() throws SQLException {
        String values = "Müller 日本 😀 ok";
        text.row(new String[] {values, "\uD800 lone"});
        text.flush();
        assertEquals(values + "\t\uFFFD lone\n", copied());
    }

    @Test
    void should_hand_over_full_buffers_at_row_ends_and_lose_nothing_of_a_row_longer_than_the_buffer() throws SQLException {
        String big = "x".repeat(150_000);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.row(new String[] {String.valueOf(i), "value " + i});
            expected.append(i).append("\tvalue ").append(i).append('\n');
        }
        text.row(new String[] {big});
        expected.append(big).append('\n');
        text.flush();
        assertEquals(expected.toString(), copied());
        assertTrue(writes > 3, "sent in several buffers: " + writes);
    }
}
