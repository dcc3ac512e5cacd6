package io.csvingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import io.csvingest.support.Await;
import io.csvingest.support.HostileWorld;
import io.csvingest.support.Records;
import org.junit.jupiter.api.Test;

import static io.csvingest.support.HostileWorld.TIMEOUT;
import static io.csvingest.support.HostileWorld.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile content, run as a superuser and as a role owning one schema: bombs and giant fields, bytes that are not
 * text, values COPY could mistake for its own syntax, and rows the database refuses (one rule for both load methods:
 * a row the database refuses on its own is rejected with its message; a file of which nothing loads is
 * dead-lettered and leaves no table).
 */
abstract class HostileContentSuite extends HostileSuite {


    HostileContentSuite(HostileWorld world) {
        super(world);
    }

    @Test
    void should_dead_letter_a_gzip_bomb_after_reading_a_bounded_part_of_it() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(compressed, 1 << 16)) {
            gzip.write("id,v\n1,".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int mb = 0; mb < 200; mb++) {
                gzip.write(chunk); // 200 MB of one field, a few hundred KB compressed
            }
        }
        world.drop("bomb.csv.gz", compressed.toByteArray());

        assertContains(world.awaitReason("bomb-"), "the record starting on line 2 runs past 8388608 characters");
        assertFalse(world.tableExists(world.schema(), "bomb"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_dead_letter_a_100_mb_field_without_filling_the_heap() throws IOException {
        Path staged = world.folders().root().resolve("wide.staged");
        try (OutputStream out = Files.newOutputStream(staged)) {
            out.write("id,v\n1,".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int mb = 0; mb < 100; mb++) {
                out.write(chunk);
            }
            out.write("\n2,b\n".getBytes(StandardCharsets.US_ASCII));
        }
        Files.move(staged, world.folders().inbox().resolve("wide.csv"));

        assertContains(world.awaitReason("wide-"), "runs past 8388608 characters");
        assertFalse(world.tableExists(world.schema(), "wide"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_name_the_line_and_column_of_bytes_that_are_not_utf8() {
        world.drop("latin.csv", bytes("id,name\n1,ok\n2,caf", 0xE9, "\n"));
        world.drop("image.csv", bytes("", 0x89, "PNG\r\n", 0x1A, "\n", 0x00, 0x00, 0x00, 0x0D, "IHDR", 0xFF, 0xFE));

        assertContains(world.awaitReason("latin-"), "latin.csv is not valid UTF-8 text (line 3, column name)",
                "set the feed's charset");
        assertContains(world.awaitReason("image-"), "image.csv is not valid UTF-8 text");
        assertEquals(List.of("dead-lettered"), world.ledger("latin.csv"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_reject_a_row_holding_nul_bytes_with_the_reason_and_load_the_others() {
        world.drop("nul.csv", "id,v\n1,a\n2,b\u0000c\n3,d\n");

        Path moved = world.awaitLoaded("nul-");
        assertEquals(List.of(List.of("1", "a"), List.of("3", "d")),
                world.db().rows("SELECT id, v FROM " + world.schema() + ".nul ORDER BY id"));
        List<java.util.Map<String, String>> rejects = Records.read(moved.resolveSibling(moved.getFileName() + ".rejects.csv"));
        assertEquals(1, rejects.size());
        assertEquals("3", rejects.get(0).get("line"));
        assertTrue(rejects.get(0).get("reason").contains("the database refused it"), rejects.toString());
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_load_values_copy_could_mistake_for_its_own_syntax_exactly() {
        String tricky = "end\n\\.\nafter";
        world.drop("copy_syntax.csv", "id,v\n1,\"" + tricky + "\"\n2,\\N\n3,a\\tb\\\\c\n4,\"tab\there\"\n5,=cmd|' /C calc'!A0\n");

        world.awaitLoaded("copy_syntax-");
        assertEquals(List.of(List.of("1", tricky), List.of("2", "\\N"), List.of("3", "a\\tb\\\\c"), List.of("4", "tab\there"),
                        List.of("5", "=cmd|' /C calc'!A0")),
                world.db().rows("SELECT id, v FROM " + world.schema() + ".copy_syntax ORDER BY id"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_dead_letter_empty_and_headless_files_and_load_a_header_alone_into_no_table() {
        world.drop("empty.csv", "");
        world.drop("blank_start.csv", "\n\n1,2\n");
        world.drop("header_only.csv", "id,name\n");

        assertContains(world.awaitReason("empty-"), "empty.csv is empty");
        assertContains(world.awaitReason("blank_start-"), "has no column names");
        world.awaitLoaded("header_only-");
        assertFalse(world.tableExists(world.schema(), "header_only"), "a header alone creates no table");
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_say_in_plain_words_what_is_wrong_with_a_damaged_gzip_file() throws IOException {
        byte[] whole = gzip("id,v\n" + "1,a\n".repeat(20_000));
        world.drop("cut.csv.gz", Arrays.copyOf(whole, whole.length / 2));
        world.drop("plain.csv.gz", "id,v\n1,a\n");

        String cut = world.awaitReason("cut-");
        assertContains(cut, "cut.csv.gz is a truncated gzip file", "copy it again completely");
        assertContains(world.awaitReason("plain-"), "plain.csv.gz is named .gz but is not gzip-compressed");
        assertFalse(cut.contains("Exception"), "no Java exception in what a user reads: " + cut);
        assertFalse(log.has("ERROR", "cut.csv.gz", "Exception"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_reject_only_the_rows_a_trigger_refuses_when_copying() {
        refusingTable("p0001_copy");
        world.drop("p0001_copy.csv", fiftyThousandRowsFiftyBad());

        assertFiftyRejectedByTheTrigger("p0001_copy", "p0001_copy-");
    }

    @Test
    void should_reject_only_the_rows_a_trigger_refuses_when_inserting() {
        refusingTable("p0001_insert");
        world.drop("p0001-insert.csv", fiftyThousandRowsFiftyBad());

        assertFiftyRejectedByTheTrigger("p0001_insert", "p0001-insert-");
    }

    @Test
    void should_dead_letter_a_file_every_row_of_which_a_trigger_refuses_and_leave_nothing() {
        refusingTable("all_refused");
        world.drop("all_refused.csv", "id,v\n1,bad-1\n2,bad-2\n3,bad-3\n");

        assertContains(world.awaitReason("all_refused-"), "The database refused every row of the file's first batch of 3",
                "row 1 refused by the trigger");
        assertEquals(0, world.count(world.schema() + ".all_refused"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_dead_letter_a_one_row_file_whose_row_is_rejected_and_leave_no_table() {
        world.drop("one_row.csv", "id,name\n1,Ann,extra\n");

        String reason = world.awaitReason("one_row-");
        assertContains(reason, "None of the rows of one_row.csv could be loaded: 1 were rejected", "has 3 fields");
        assertFalse(world.tableExists(world.schema(), "one_row"), "the table made for it is rolled back");
        assertTrue(Await.list(world.folders().deadLetter(), "one_row-").stream()
                .anyMatch(f -> f.toString().endsWith(".rejects.csv")), "its rejects beside it");
        assertEquals(List.of("dead-lettered"), world.ledger("one_row.csv"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_dead_letter_one_and_two_row_files_the_table_refuses_alike_and_leave_nothing_in_it() {
        world.db().execute("CREATE TABLE " + world.schema() + ".checked (id bigint CHECK (id > 0), note text NOT NULL)");
        world.ownedByRole(world.schema() + ".checked");

        world.drop("checked.csv", "id,note\n-1,x\n");
        assertContains(world.awaitReason("checked-"), "None of the rows of checked.csv could be loaded: 1 were rejected",
                "violates check constraint");
        world.drop("checked.csv", "id\n1\n2\n"); // no note: neither row can be stored
        // the ledger row is written when the load starts: wait for its end
        Await.until("the second file dead-lettered", TIMEOUT,
                () -> world.ledger("checked.csv").equals(List.of("dead-lettered", "dead-lettered")));
        // the ledger row ends in the failure's transaction, a moment before the log line is written
        Await.until("the failure logged", TIMEOUT, () -> log.has("ERROR",
                "Failed checked.csv: The database refused every row of the file's first batch of 2", "null value in column \"note\""));
        assertEquals(0, world.count(world.schema() + ".checked"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_dead_letter_a_file_wider_than_any_table_with_the_databases_reason() {
        StringBuilder header = new StringBuilder("c0");
        StringBuilder row = new StringBuilder("0");
        for (int i = 1; i < 2000; i++) {
            header.append(",c").append(i);
            row.append(',').append(i);
        }
        world.drop("too_wide.csv", header + "\n" + row + "\n");

        assertContains(world.awaitReason("too_wide-"), "tables can have at most 1600 columns");
        assertFalse(world.tableExists(world.schema(), "too_wide"));
        world.assertNextGoodFileLoads();
    }

    /** A table of the target schema whose trigger refuses every row whose value starts with {@code bad} (SQL state P0001). */
    private void refusingTable(String table) {
        String qualified = world.schema() + "." + table;
        world.db().execute("CREATE OR REPLACE FUNCTION public.refuse_bad() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                           + " IF NEW.v LIKE 'bad%' THEN RAISE EXCEPTION 'row % refused by the trigger', NEW.id; END IF;"
                           + " RETURN NEW; END $$");
        world.db().execute("CREATE TABLE " + qualified + " (id bigint, v text)");
        world.db().execute("CREATE TRIGGER refuse_bad BEFORE INSERT ON " + qualified
                           + " FOR EACH ROW EXECUTE FUNCTION public.refuse_bad()");
        world.ownedByRole(qualified);
    }

    private static String fiftyThousandRowsFiftyBad() {
        StringBuilder csv = new StringBuilder("id,v\n");
        for (int i = 1; i <= 50_000; i++) {
            csv.append(i).append(',').append(i % 1000 == 0 ? "bad-" : "ok-").append(i).append('\n');
        }
        return csv.toString();
    }

    private void assertFiftyRejectedByTheTrigger(String table, String movedPrefix) {
        Path moved = world.awaitLoaded(movedPrefix);
        assertEquals(List.of(List.of("49950", "0")), world.db().rows(
                "SELECT count(*), count(*) FILTER (WHERE v LIKE 'bad%') FROM " + world.schema() + "." + table));
        List<java.util.Map<String, String>> rejects = Records.read(moved.resolveSibling(moved.getFileName() + ".rejects.csv"));
        assertEquals(50, rejects.size());
        assertEquals("1001", rejects.get(0).get("line"));
        assertEquals("the database refused it: row 1000 refused by the trigger [SQL state P0001]", rejects.get(0).get("reason"));
        world.assertNextGoodFileLoads();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return compressed.toByteArray();
    }

    /** Text and single bytes (ints) in a row, as a file holds them. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(part.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }
}
