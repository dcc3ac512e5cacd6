package io.csvingest.intake;

import java.nio.file.Path;
import java.util.regex.Pattern;

import io.csvingest.support.LogCapture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which feed takes which file: one specific feed, else the fallback; a file two feeds match is nobody's, said once. */
class FeedRegistryTest {

    private static final Path INBOX = Path.of("/data/inbox");
    private final FeedRegistry registry = new FeedRegistry();
    private final LogCapture log = LogCapture.attach();

    private void feed(String name, Path folder, String include, boolean fallback) {
        registry.register(new FeedRegistry.Scope(name, folder, Pattern.compile(include, Pattern.DOTALL), fallback),
                new FeedActivity(name));
    }

    @Test
    void should_give_a_file_to_the_one_feed_that_matches_it_and_the_rest_to_the_fallback() {
        feed("zero-config", INBOX, "(?i).*\\.csv", true);
        feed("orders", INBOX, "orders-.*\\.csv", false);

        assertTrue(registry.takes("orders", INBOX, "orders-1.csv", 1));
        assertFalse(registry.takes("zero-config", INBOX, "orders-1.csv", 1), "a specific feed wins over the fallback");
        assertTrue(registry.takes("zero-config", INBOX, "sales.csv", 1));
        assertFalse(registry.takes("orders", INBOX, "sales.csv", 1));
        assertFalse(registry.takes("zero-config", INBOX, "notes.txt", 1), "nobody's");
    }

    @Test
    void should_keep_feeds_to_their_own_folder() {
        feed("zero-config", INBOX, ".*\\.csv", true);
        feed("sensors", INBOX.resolve("sensors"), ".*\\.csv", false);

        assertTrue(registry.takes("sensors", INBOX.resolve("sensors"), "lab-1.csv", 1));
        assertFalse(registry.takes("sensors", INBOX, "lab-1.csv", 1));
        assertTrue(registry.takes("zero-config", INBOX, "lab-1.csv", 1));
        assertFalse(registry.takes("zero-config", INBOX.resolve("sensors"), "lab-1.csv", 1), "the fallback's folder is the inbox");
    }

    @Test
    void should_give_a_file_two_feeds_match_to_neither_and_say_so_once_per_version_of_it() {
        feed("a", INBOX, "both-.*\\.csv", false);
        feed("b", INBOX, "both-.*", false);

        assertFalse(registry.takes("a", INBOX, "both-1.csv", 7));
        assertFalse(registry.takes("b", INBOX, "both-1.csv", 7));
        assertFalse(registry.takes("a", INBOX, "both-1.csv", 7));
        assertEquals(1, log.matching("ERROR", "both-1.csv matches feeds [a, b]").size());
        assertFalse(registry.takes("a", INBOX, "both-1.csv", 8));
        assertEquals(2, log.matching("ERROR", "both-1.csv matches feeds [a, b]").size(), "a new version is said again");
    }

    @Test
    void should_keep_the_fallback_off_the_files_of_a_feed_being_reloaded() {
        feed("zero-config", INBOX, ".*\\.csv", true);
        feed("orders", INBOX, "orders-.*\\.csv", false);

        registry.unregister("orders");

        assertFalse(registry.takes("zero-config", INBOX, "orders-1.csv", 1), "its files wait for its new version");
        assertTrue(registry.takes("zero-config", INBOX, "sales.csv", 1));
        feed("orders", INBOX, "orders-.*\\.csv", false);
        assertTrue(registry.takes("orders", INBOX, "orders-1.csv", 1));
    }

    @Test
    void should_refuse_two_running_feeds_of_one_name() {
        feed("orders", INBOX, "orders-.*\\.csv", false);
        assertThrows(IllegalStateException.class, () -> feed("orders", INBOX, "other-.*\\.csv", false));
    }
}
