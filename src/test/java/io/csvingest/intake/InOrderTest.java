package io.csvingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.regex.Pattern;

import io.csvingest.feed.FileOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replace or upsert feed's files in order: only the first pending file of a table is taken, loading ones included. */
class InOrderTest {

    @TempDir
    Path dir;
    private Path inbox;
    private InProgress inProgress;
    private final FeedRegistry registry = new FeedRegistry();

    @BeforeEach
    void feedsAndFolders() throws IOException {
        inbox = Files.createDirectories(dir.resolve("inbox"));
        inProgress = new InProgress(inbox);
        registry.register(new FeedRegistry.Scope("prices", inbox.toAbsolutePath().normalize(),
                Pattern.compile("prices.*\\.csv"), false), new FeedActivity("prices"));
        registry.register(new FeedRegistry.Scope("zero-config", inbox.toAbsolutePath().normalize(),
                Pattern.compile(".*\\.csv"), true), new FeedActivity("zero-config"));
    }

    @Test
    void should_take_only_the_first_file_by_name_of_a_feeds_table() throws IOException {
        drop("prices-2026-12-02.csv", 1);
        drop("prices-2026-12-01.csv", 2);
        drop("other.csv", 0); // another feed's: holds up nothing
        InOrder order = new InOrder("prices", inbox, "prices", FileOrder.NAME, inProgress, registry, 0);
        order.refresh();
        assertTrue(order.isNext("prices-2026-12-01.csv"));
        assertFalse(order.isNext("prices-2026-12-02.csv"));
    }

    @Test
    void should_order_by_modification_time_when_the_feed_says_so() throws IOException {
        drop("prices-b.csv", 1000);
        drop("prices-a.csv", 2000);
        InOrder order = new InOrder("prices", inbox, "prices", FileOrder.MODIFIED, inProgress, registry, 0);
        order.refresh();
        assertTrue(order.isNext("prices-b.csv"));
        assertFalse(order.isNext("prices-a.csv"));
    }

    @Test
    void should_wait_while_an_earlier_file_or_one_of_the_same_name_is_loading_on_any_instance() throws IOException {
        Path loading = Files.createDirectories(inbox.resolve(".csv-ingest/instance-2-7"));
        Files.writeString(loading.resolve("prices-2026-12-01.csv"), "sku,price\n");
        drop("prices-2026-12-02.csv", 0);
        InOrder order = new InOrder("prices", inbox, "prices", FileOrder.NAME, inProgress, registry, 0);
        order.refresh();
        assertFalse(order.isNext("prices-2026-12-02.csv"), "the earlier file is loading elsewhere");

        Files.move(loading.resolve("prices-2026-12-01.csv"), loading.resolve("prices-2026-12-02.csv"));
        order.refresh();
        assertFalse(order.isNext("prices-2026-12-02.csv"), "a file of the same name loads first");

        Files.delete(loading.resolve("prices-2026-12-02.csv"));
        order.refresh();
        assertTrue(order.isNext("prices-2026-12-02.csv"));
    }

    @Test
    void should_keep_files_for_different_tables_apart_when_the_feed_names_no_table() throws IOException {
        drop("prices_eu.csv", 0);
        drop("prices_us.csv", 0);
        InOrder order = new InOrder("prices", inbox, null, FileOrder.NAME, inProgress, registry, 0);
        order.refresh();
        assertTrue(order.isNext("prices_eu.csv"));
        assertTrue(order.isNext("prices_us.csv"), "a table of its own: nothing before it");
    }

    @Test
    void should_not_wait_for_a_link_or_folder_named_like_an_earlier_file_which_never_loads() throws IOException {
        Files.createSymbolicLink(inbox.resolve("prices-2026-11-01.csv"), Path.of("/etc/passwd"));
        Files.createDirectories(inbox.resolve("prices-2026-11-02.csv"));
        drop("prices-2026-12-01.csv", 0);
        InOrder order = new InOrder("prices", inbox, "prices", FileOrder.NAME, inProgress, registry, 0);
        order.refresh();
        assertTrue(order.isNext("prices-2026-12-01.csv"), "only regular files are pending");
    }

    @Test
    void should_count_the_quiet_period_from_a_files_arrival_not_its_old_write() throws IOException {
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path written = Files.writeString(staging.resolve("prices-2026-12-05.csv"), "sku,price\n1,2\n");
        Files.setLastModifiedTime(written, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000)); // written an hour ago
        Path arrived = Files.move(written, inbox.resolve("prices-2026-12-05.csv"));
        long now = System.currentTimeMillis();

        assertFalse(InOrder.settled(arrived, 1000, now), "just moved in: the files dropped with it may still be arriving");
        assertTrue(InOrder.settled(arrived, 1000, now + 1100));
        assertFalse(InOrder.settled(inbox.resolve("gone.csv"), 0, now), "a file that is gone is not taken");
    }

    private void drop(String name, long modified) throws IOException {
        Path file = Files.writeString(inbox.resolve(name), "sku,price\n1,2\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + modified));
    }
}
