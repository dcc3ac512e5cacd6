package io.csvingest.feed;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stamped outbox and dead-letter names. */
class FoldersTest {

    private static final Instant PICKED_UP = Instant.parse("2026-11-22T10:15:00.123Z");

    @Test
    void should_stamp_names_so_same_named_files_never_overwrite_each_other() {
        assertEquals("sales-20261122T101500.123Z.csv", Folders.stamped("sales.csv", PICKED_UP));
        assertEquals("orders-20261122T101500.123Z.csv.gz", Folders.stamped("orders.csv.gz", PICKED_UP));
        assertEquals("README-20261122T101500.123Z", Folders.stamped("README", PICKED_UP));
        assertEquals("a.b-20261122T101500.123Z.csv", Folders.stamped("a.b.csv", PICKED_UP));
    }

    @Test
    void should_keep_every_name_made_from_a_long_file_name_within_255_bytes_distinct_and_with_its_extension() {
        String longStem = "x".repeat(251);
        String a = Folders.stamped(longStem + ".csv", PICKED_UP);
        String b = Folders.stamped(longStem.substring(1) + "y.csv", PICKED_UP);
        assertTrue(a.endsWith("-20261122T101500.123Z.csv") && b.endsWith("-20261122T101500.123Z.csv"), a);
        assertTrue(!a.equals(b), "two long names sharing a beginning stay apart");
        assertEquals(a, Folders.stamped(longStem + ".csv", PICKED_UP), "the same name is always shortened the same way");
        for (String name : new String[] {"x".repeat(251) + ".csv", "é".repeat(125) + ".csv.gz", "日本".repeat(40) + ".csv",
                "a." + "b".repeat(250), "😀".repeat(60) + ".csv"}) {
            String stamped = Folders.stamped(name, PICKED_UP);
            Path longest = Path.of("." + Folders.markedDuplicate(Path.of(stamped)) + ".rejects.csv.part");
            assertTrue(longest.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= Folders.MAX_NAME_BYTES,
                    longest + " is too long");
            assertTrue(stamped.matches("(?s).*~[0-9a-f]{8}-20261122T101500\\.123Z.*"), stamped);
        }
        assertEquals("short-20261122T101500.123Z.csv", Folders.stamped("short.csv", PICKED_UP), "short names as they were");
    }

    @Test
    void should_resolve_folders_to_absolute_paths_and_put_the_reason_beside_the_dead_letter() {
        Folders folders = Folders.of("in", "out", "dead");
        assertTrue(folders.outbox().isAbsolute());
        Path target = folders.deadLetterTarget("bad.csv", PICKED_UP);
        assertEquals(folders.deadLetter().resolve("bad-20261122T101500.123Z.csv"), target);
        assertEquals("bad-20261122T101500.123Z.csv.reason.txt", Folders.reasonFile(target).getFileName().toString());
    }

    @Test
    void should_mark_a_duplicate_right_after_the_stamp_whatever_the_extension() {
        Path outbox = Path.of("/data/outbox");
        assertEquals(outbox.resolve("sales-20261122T101500.123Z.duplicate.csv"),
                Folders.markedDuplicate(outbox.resolve("sales-20261122T101500.123Z.csv")));
        assertEquals(outbox.resolve("X-20261122T101500.123Z.duplicate.CSV.GZ"),
                Folders.markedDuplicate(outbox.resolve("X-20261122T101500.123Z.CSV.GZ")));
    }
}
