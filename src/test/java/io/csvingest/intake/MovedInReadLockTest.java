package io.csvingest.intake;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

import io.csvingest.support.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule that tells a file moved into the inbox whole from one still being written there, on real files. */
class MovedInReadLockTest {

    @TempDir
    Path dir;

    @Test
    void should_not_take_a_file_being_written_in_place_for_whole_however_long_it_pauses() throws IOException {
        Path file = dir.resolve("written.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id\n1\n");
            out.flush();
            passClockTick(file);
            assertFalse(MovedInReadLock.arrivedWhole(file), "a write sets change and modification time alike");
            out.write("2\n");
        }
        passClockTick(file);
        assertFalse(MovedInReadLock.arrivedWhole(file), "closed after its last write, still never renamed");
    }

    @Test
    void should_take_a_file_renamed_or_linked_into_the_inbox_for_whole() throws IOException {
        Path written = Files.writeString(dir.resolve(".beside.part"), "id\n1\n");
        passClockTick(written);
        Path moved = Files.move(written, dir.resolve("moved.csv"));
        assertTrue(MovedInReadLock.arrivedWhole(moved), "a rename changes the inode after the last write");

        Path other = Files.writeString(dir.resolve("other.part"), "id\n2\n");
        passClockTick(other);
        Path linked = Files.createLink(dir.resolve("linked.csv"), other);
        assertTrue(MovedInReadLock.arrivedWhole(linked), "a new hard link does too");
    }

    @Test
    void should_wait_again_for_a_moved_file_that_is_written_to_after_the_move() throws IOException {
        Path written = Files.writeString(dir.resolve(".late.part"), "id\n1\n");
        passClockTick(written);
        Path moved = Files.move(written, dir.resolve("late.csv"));
        passClockTick(moved);
        Files.writeString(moved, "2\n", StandardOpenOption.APPEND);
        assertFalse(MovedInReadLock.arrivedWhole(moved), "a write after the move makes it a file being written again");
    }

    @Test
    void should_take_a_copy_whose_times_were_set_after_its_last_byte_for_whole() throws IOException {
        Path copy = Files.writeString(dir.resolve("copied.csv"), "id\n1\n");
        Files.setLastModifiedTime(copy, FileTime.fromMillis(System.currentTimeMillis() - 60_000)); // as cp -p, rsync -t do
        assertTrue(MovedInReadLock.arrivedWhole(copy));
    }

    /** Waits until the file system's clock (coarse: a few ms) has moved past the file's last change. */
    private static void passClockTick(Path file) throws IOException {
        FileTime last = (FileTime) Files.getAttribute(file, "unix:ctime");
        Path probe = dir(file).resolve(".clock");
        Await.until("the file system clock to tick", Duration.ofSeconds(5), () -> {
            try {
                Files.writeString(probe, "tick");
                return ((FileTime) Files.getAttribute(probe, "unix:ctime")).compareTo(last) > 0;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Files.delete(probe);
    }

    private static Path dir(Path file) {
        return file.toAbsolutePath().getParent();
    }
}
