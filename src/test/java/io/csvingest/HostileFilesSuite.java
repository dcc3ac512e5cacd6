package io.csvingest;

import java.io.IOException;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import io.csvingest.support.Await;
import io.csvingest.support.HostileWorld;
import io.csvingest.support.Inbox;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static io.csvingest.support.HostileWorld.TIMEOUT;
import static io.csvingest.support.HostileWorld.assertContains;
import static io.csvingest.support.HostileWorld.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile files and folders, run as a superuser and as a role owning one schema: links, pipes, sockets and folders
 * in the inbox; files swapped, cut, grown or deleted while they load; an outbox or dead-letter folder that cannot be
 * written; a feed stuck on a lock; an instance that died mid-file; the database dropped and created again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostileFilesSuite extends HostileSuite {

    @BeanInject
    CamelContext context;

    HostileFilesSuite(HostileWorld world) {
        super(world);
    }

    private Path inbox() {
        return world.folders().inbox();
    }

    @Test
    void should_never_read_through_a_symbolic_link_whatever_it_points_to_and_say_so_once() throws Exception {
        Path outside = Files.createDirectories(world.folders().root().resolve("outside"));
        Path secret = Files.writeString(outside.resolve("secret.csv"), "id,v\n1," + HostileWorld.MARKER + "\n");
        mkfifo(outside.resolve("pipe"));
        Files.createSymbolicLink(inbox().resolve("passwd_link.csv"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(inbox().resolve("outside_link.csv"), secret.toAbsolutePath());
        Files.createSymbolicLink(inbox().resolve("pipe_link.csv"), outside.resolve("pipe").toAbsolutePath());
        Files.createSymbolicLink(inbox().resolve("folder_link.csv"), outside.toAbsolutePath());
        Files.createSymbolicLink(inbox().resolve("dangling.csv"), outside.resolve("nothing-here").toAbsolutePath());
        Files.createSymbolicLink(inbox().resolve("loop_a.csv"), inbox().resolve("loop_b.csv").toAbsolutePath());
        Files.createSymbolicLink(inbox().resolve("loop_b.csv"), inbox().resolve("loop_a.csv").toAbsolutePath());
        List<String> links = List.of("passwd_link", "outside_link", "pipe_link", "folder_link", "dangling", "loop_a", "loop_b");

        for (String link : links) {
            Await.until("the warning about " + link, TIMEOUT,
                    () -> log.has("WARN", "inbox/" + link + ".csv is a symbolic link", "csv-ingest never opens it"));
        }
        world.assertNextGoodFileLoads(); // a pipe behind a link was never opened: the intake goes on
        world.assertNextGoodFileLoads(); // some sweeps later
        for (String link : links) {
            assertEquals(1, log.matching("WARN", "inbox/" + link + ".csv is a symbolic link").size(), link + " said once");
            assertTrue(Files.isSymbolicLink(inbox().resolve(link + ".csv")), link + " left in place");
            assertFalse(world.tableExists(world.schema(), link), link);
            assertTrue(world.ledger(link + ".csv").isEmpty(), link);
        }
        assertTrue(log.has("WARN", "inbox/passwd_link.csv is a symbolic link (to /etc/passwd)"));
    }

    @Test
    void should_leave_pipes_sockets_and_folders_named_like_data_alone_and_keep_taking_files() throws Exception {
        mkfifo(inbox().resolve("fifo.csv"));
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(inbox().resolve("sock.csv").toAbsolutePath()));
            Files.createDirectory(inbox().resolve("folder.csv"));

            Await.until("the warnings", TIMEOUT, () -> log.has("WARN", "inbox/fifo.csv is a named pipe (FIFO)")
                                                       && log.has("WARN", "inbox/sock.csv is a socket")
                                                       && log.has("WARN", "inbox/folder.csv is a folder"));
            world.assertNextGoodFileLoads();
            world.assertNextGoodFileLoads();
            assertEquals(HealthCheck.State.UP, intake().getState(), "no feed is stalled by them: " + intake().getMessage());
        }
        for (String name : List.of("fifo.csv", "sock.csv", "folder.csv")) {
            assertEquals(1, log.matching("WARN", "inbox/" + name + " is a").size(), name + " said once");
            assertTrue(Files.exists(inbox().resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS), name + " left in place");
        }
    }

    @Test
    void should_not_read_a_feed_folder_that_is_a_link_to_elsewhere() throws Exception {
        Path elsewhere = Files.createDirectories(world.folders().root().resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("linked.csv"), "id,v\n1," + HostileWorld.MARKER + "\n");
        Files.deleteIfExists(inbox().resolve("linked")); // the folder the feed made when it started, empty
        Files.createSymbolicLink(inbox().resolve("linked"), elsewhere.toAbsolutePath());

        Await.until("the warning", TIMEOUT, () -> log.has("WARN", "inbox/linked is a symbolic link", "no feed takes files from it"));
        world.assertNextGoodFileLoads();
        assertTrue(Files.exists(elsewhere.resolve("linked.csv")), "nothing was taken from behind the link");
        assertFalse(world.tableExists(world.schema(), "linked"));
    }

    @Test
    void should_load_each_of_two_files_when_one_is_renamed_over_the_other_while_it_loads() throws Exception {
        world.slowTable("swap", "id text, v text", 1.0);
        String a = rows(1500, 'A');
        String b = rows(1500, 'B');
        world.drop("swap.csv", a);
        Path loading = world.awaitInProgress("swap.csv");
        Await.until("A's load", TIMEOUT, () -> log.has("INFO", "Loading swap.csv"));

        // file B, same size and modification time, renamed over A's name 
        Path staged = Files.writeString(world.folders().root().resolve("swap-b.staged"), b);
        Files.setLastModifiedTime(staged, Files.getLastModifiedTime(loading));
        Files.move(staged, inbox().resolve("swap.csv"), StandardCopyOption.ATOMIC_MOVE);

        List<Path> moved = Await.dataFiles(world.folders().outbox(), "swap-", 2, TIMEOUT);
        assertEquals(a, Inbox.read(moved.get(0)), "the first file in the outbox is, byte for byte, A: the file loaded first");
        assertEquals(b, Inbox.read(moved.get(1)));
        assertEquals(List.of(List.of("A-value", "1500"), List.of("B-value", "1500")),
                world.db().rows("SELECT v, count(*) FROM " + world.schema() + ".swap GROUP BY v ORDER BY v"));
        assertEquals(List.of("loaded", "loaded"), world.ledger("swap.csv"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_commit_nothing_of_a_file_replaced_in_the_in_progress_folder_and_load_the_replacement() throws Exception {
        world.slowTable("replaced", "id text, v text", 1.0);
        world.drop("replaced.csv", rows(1500, 'A'));
        Path loading = world.awaitInProgress("replaced.csv");
        Await.until("A's load", TIMEOUT, () -> log.has("INFO", "Loading replaced.csv"));

        Path staged = Files.writeString(world.folders().root().resolve("replaced-b.staged"), rows(1500, 'B'));
        Files.move(staged, loading, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        Await.until("the refused commit", TIMEOUT, () -> log.has("WARN", "Not loading replaced.csv now",
                "was replaced by another file while it was being loaded"));
        Path moved = world.awaitLoaded("replaced-");
        assertEquals(rows(1500, 'B'), Inbox.read(moved));
        assertEquals(List.of(List.of("B-value", "1500")),
                world.db().rows("SELECT v, count(*) FROM " + world.schema() + ".replaced GROUP BY v"));
        assertEquals(List.of("interrupted", "loaded"), world.ledger("replaced.csv"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_load_a_file_cut_short_while_it_loads_only_as_it_ends_up() throws Exception {
        world.slowTable("cut", "id text, v text", 1.0);
        world.drop("cut.csv", rows(1500, 'A'));
        Path loading = world.awaitInProgress("cut.csv");
        Await.until("the load", TIMEOUT, () -> log.has("INFO", "Loading cut.csv"));

        Files.writeString(loading, rows(10, 'C'), StandardOpenOption.TRUNCATE_EXISTING);

        Path moved = world.awaitLoaded("cut-");
        assertEquals(rows(10, 'C'), Inbox.read(moved));
        assertEquals(List.of(List.of("C-value", "10")), world.db().rows("SELECT v, count(*) FROM " + world.schema() + ".cut GROUP BY v"));
        assertEquals(List.of("interrupted", "loaded"), world.ledger("cut.csv"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_load_a_file_appended_to_while_it_loads_whole() throws Exception {
        world.slowTable("grown", "id text, v text", 1.0);
        try (Writer writer = Files.newBufferedWriter(inbox().resolve("grown.csv"), StandardCharsets.UTF_8)) {
            writer.write(rows(1500, 'A'));
            writer.flush();
            Await.until("the load", TIMEOUT, () -> log.has("INFO", "Loading grown.csv"));
            writer.write("001501,A-value\n001502,A-value\n");
        }

        world.awaitLoaded("grown-");
        assertEquals(1502, world.count(world.schema() + ".grown"));
        assertEquals(List.of("interrupted", "loaded"), world.ledger("grown.csv"));
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_commit_nothing_of_a_file_deleted_while_it_loads() throws Exception {
        world.slowTable("deleted", "id text, v text", 1.0);
        world.drop("deleted.csv", rows(1500, 'A'));
        Path loading = world.awaitInProgress("deleted.csv");
        Await.until("the load", TIMEOUT, () -> log.has("INFO", "Loading deleted.csv"));

        Files.delete(loading);

        Await.until("the refused commit", TIMEOUT, () -> log.has("WARN", "Not loading deleted.csv now",
                "was deleted or moved away while it was being loaded"));
        world.assertNextGoodFileLoads();
        assertEquals(0, world.count(world.schema() + ".deleted"));
        assertEquals(List.of("interrupted"), world.ledger("deleted.csv"));
        assertTrue(Await.list(world.folders().outbox(), "deleted").isEmpty());
        assertTrue(Await.list(world.folders().deadLetter(), "deleted").isEmpty());
    }

    @Test
    void should_leave_a_loaded_file_in_the_inbox_said_once_while_the_outbox_cannot_be_written() throws Exception {
        Path outbox = world.folders().outbox();
        Path away = world.folders().root().resolve("outbox-away");
        Files.move(outbox, away);
        Files.writeString(outbox, "a file where the outbox folder should be");
        try {
            world.drop("stuck.csv", "id\n1\n");
            Await.until("the error", TIMEOUT, () -> log.has("ERROR", "stuck.csv was loaded but its report cannot be written"));
            Await.until("the file back in the inbox", TIMEOUT, () -> Files.exists(inbox().resolve("stuck.csv")));
            assertEquals(HealthCheck.State.DOWN, intake().getState());
            assertContains(intake().getMessage().orElse(""), "files cannot be moved to " + outbox.toAbsolutePath());
            awaitPolls();
            assertEquals(1, log.matching("ERROR", "stuck.csv").size(), "said once, no loop");
            assertEquals(List.of("loaded"), world.ledger("stuck.csv"));
        } finally {
            Files.delete(outbox);
            Files.move(away, outbox);
        }
        Await.until("the file in the outbox, marked duplicate", TIMEOUT, () -> Await.list(world.folders().outbox(), "stuck-")
                .stream().anyMatch(f -> f.getFileName().toString().endsWith("Z.duplicate.csv")));
        assertEquals(List.of("loaded", "duplicate"), world.ledger("stuck.csv"));
        assertEquals(1, world.count(world.schema() + ".stuck"), "its rows loaded once");
        Await.until("ready again", TIMEOUT, () -> intake().getState() == HealthCheck.State.UP);
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_leave_a_failed_file_in_the_inbox_said_once_while_the_dead_letter_folder_cannot_be_written() throws Exception {
        Path deadLetter = world.folders().deadLetter();
        Path away = world.folders().root().resolve("deadletter-away");
        Files.move(deadLetter, away);
        Files.writeString(deadLetter, "a file where the dead-letter folder should be");
        try {
            world.drop("unclosed.csv", "id,note\n1,\"never closed\n");
            Await.until("the error", TIMEOUT, () -> log.has("ERROR", "Failed unclosed.csv: Malformed CSV", "it cannot be moved to"));
            Await.until("the file back in the inbox", TIMEOUT, () -> Files.exists(inbox().resolve("unclosed.csv")));
            assertEquals(HealthCheck.State.DOWN, intake().getState());
            awaitPolls();
            assertEquals(1, log.matching("ERROR", "unclosed.csv").size(), "said once, no loop");
            assertEquals(List.of("dead-lettered"), world.ledger("unclosed.csv"));
        } finally {
            Files.delete(deadLetter);
            Files.move(away, deadLetter);
        }
        assertContains(world.awaitReason("unclosed-"), "unterminated quote");
        Await.until("ready again", TIMEOUT, () -> intake().getState() == HealthCheck.State.UP);
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_report_a_feed_stuck_on_a_lock_in_readiness_and_recover_when_it_is_released() throws Exception {
        world.db().execute("CREATE TABLE " + world.schema() + ".locked (id bigint)");
        world.ownedByRole(world.schema() + ".locked");
        try (Connection holder = world.db().connect()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE " + world.schema() + ".locked IN ACCESS EXCLUSIVE MODE");
            world.drop("locked.csv", "id\n1\n");

            Await.until("not ready, naming the feed and the file", TIMEOUT, () -> intake().getState() == HealthCheck.State.DOWN
                    && intake().getMessage().orElse("").contains("feed zero-config has made no progress for")
                    && intake().getMessage().orElse("").contains("on locked.csv"));
            holder.rollback();
        }
        world.awaitLoaded("locked-");
        Await.until("ready again", TIMEOUT, () -> intake().getState() == HealthCheck.State.UP);
        world.assertNextGoodFileLoads();
    }

    @Test
    void should_put_back_and_load_a_file_left_in_progress_by_an_instance_that_died() throws Exception {
        // as a dead instance leaves it: its claim (lease run out), and the file in its attempt's folder
        Await.until("the service's tables", TIMEOUT, () -> world.tableExists(world.schema(), "csv_ingest_claim"));
        world.db().execute("INSERT INTO " + world.schema() + ".csv_ingest_claim (path, instance, lease_until)"
                           + " VALUES ('orphan.csv', 'deadhost/0000', now() - interval '1 second')");
        Path left = inbox().resolve(".csv-ingest/deadhost_0000-1/orphan.csv");
        Path staged = Files.writeString(world.folders().root().resolve("orphan.staged"), "id\n1\n2\n");
        Files.createDirectories(left.getParent());
        Files.move(staged, left, StandardCopyOption.ATOMIC_MOVE);

        world.awaitLoaded("orphan-");
        assertTrue(log.has("WARN", "Taking over orphan.csv from instance deadhost/0000"));
        assertTrue(log.has("WARN", "Put orphan.csv back into the inbox"));
        assertEquals(2, world.count(world.schema() + ".orphan"));
        assertFalse(Files.exists(left.getParent()), "its attempt's folder is gone");
        world.assertNextGoodFileLoads();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void should_bring_the_ledger_back_when_the_database_is_dropped_and_created_again() {
        world.assertNextGoodFileLoads();
        world.recreateDatabase();

        world.assertNextGoodFileLoads();
        assertTrue(world.tableExists(world.schema(), "csv_ingest_ledger"), "the ledger is back");
        assertEquals(1, world.db().rows("SELECT 1 FROM " + world.ledgerTable() + " WHERE status = 'loaded'").size());
    }

    private HealthCheck.Result intake() {
        return HealthCheckRegistry.get(context).getCheck("intake").orElseThrow().call();
    }

    /** Lets several polls and sweeps go by (each 0.1-0.3 s): enough for a loop to show. */
    private static void awaitPolls() {
        long from = System.nanoTime();
        Await.until("a few polls", Duration.ofSeconds(10), () -> System.nanoTime() - from > 2_000_000_000L);
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
    }
}
