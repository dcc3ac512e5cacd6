package io.csvingest.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import io.csvingest.clean.RowBatch;
import io.csvingest.support.Records;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** COPY text encoding straight from the characters read: escapes, NULL, UTF-8, buffers handed over whole. */
class CopyTextTest {

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private int writes;
    private final CopyText text = new CopyText((bytes, length) -> {
        sent.write(bytes, 0, length);
        writes++;
    }, null);

    private String copied() {
        return sent.toString(StandardCharsets.UTF_8);
    }

    @Test
    void should_escape_what_copy_text_format_treats_specially_and_write_null_as_backslash_n() throws SQLException {
        RowBatch batch = Records.batch("a,b,c,d,e,f,g\n\"a\tb\",back\\slash,x,\"line\nbreak\r\n\",\\N,,\"say \"\"hi\"\"\"\n");
        batch.set(0, 2, null);
        text.row(batch, 0);
        text.flush();
        assertEquals("a\\tb\tback\\\\slash\t\\N\tline\\nbreak\\r\\n\t\\\\N\t\tsay \"hi\"\n", copied());
    }

    @Test
    void should_write_a_value_a_step_put_in_place_of_the_one_read() throws SQLException {
        RowBatch batch = Records.batch("a,b\n007,x\n");
        batch.set(0, 0, "7");
        batch.set(0, 1, "tab\there");
        text.row(batch, 0);
        text.flush();
        assertEquals("7\ttab\\there\n", copied());
    }

    @Test
    void should_encode_non_ascii_text_as_utf8_including_characters_outside_the_basic_plane() throws SQLException {
        String values = "Müller 日本 😀 ok";
        RowBatch batch = Records.batch("a,b\n" + values + ",x\n");
        batch.set(0, 1, "\uD800 lone");
        text.row(batch, 0);
        text.flush();
        assertEquals(values + "\t\uFFFD lone\n", copied());
    }

    @Test
    void should_hand_over_full_buffers_at_row_ends_and_lose_nothing_of_a_value_longer_than_the_buffer() throws SQLException {
        String big = "x".repeat(150_000);
        StringBuilder csv = new StringBuilder("a,b\n");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            csv.append(i).append(",value ").append(i).append('\n');
            expected.append(i).append("\tvalue ").append(i).append('\n');
        }
        csv.append(big).append(",\n");
        expected.append(big).append("\t\n");
        RowBatch batch = Records.batch(csv.toString());
        for (int r = 0; r < batch.size(); r++) {
            text.row(batch, r);
        }
        text.flush();
        assertEquals(expected.toString(), copied());
        assertTrue(writes > 3, "sent in several buffers: " + writes);
    }

    @Test
    void should_send_only_the_columns_the_plan_loads_in_its_order() throws SQLException {
        CopyText some = new CopyText((bytes, length) -> sent.write(bytes, 0, length), new int[] {2, 0});
        RowBatch batch = Records.batch("a,b,c\n1,skipped,3\n");
        some.row(batch, 0);
        some.flush();
        assertEquals("3\t1\n", copied());
    }
}
