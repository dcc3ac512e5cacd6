package io.csvingest.feeds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.csvingest.support.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.ServiceStatus;
import org.apache.camel.StatefulService;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The route swap on a real Camel context and real YAML feed files: {@code feed:} is bound to camel's file component
 * here (the feed component's base, without the database), so a file can be held in flight.
 */
class RouteSwapTest {

    private static final long DEADLINE_MILLIS = 10_000;

    @TempDir
    Path folder;
    @TempDir
    Path inbox;

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private CamelContext context;
    private RouteSwap swap;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.addComponent("feed", new FileComponent());
        context.getRegistry().bind("hold", (Processor) exchange -> {
            entered.countDown();
            assertTrue(release.await(DEADLINE_MILLIS, TimeUnit.MILLISECONDS), "the test never released the message");
            exchange.getMessage().setHeader("held", true);
        });
        context.start();
        swap = new RouteSwap(context);
    }

    @AfterEach
    void stop() {
        release.countDown();
        context.stop();
    }

    @Test
    void should_start_the_routes_of_a_new_feed_file() throws Exception {
        FeedFile file = feedFile("a.yaml", "a", "direct:a-rows");

        swap.replace(null, file);

        assertTrue(swap.running(file));
        assertEquals(List.of("a-feed", "a-steps"), file.routeIds());
        assertEquals(List.of(inbox.toString()), file.feedNames());
    }

    @Test
    void should_replace_old_routes_by_the_edited_ones() throws Exception {
        FeedFile first = feedFile("a.yaml", "a", "direct:a-rows");
        swap.replace(null, first);
        FeedFile edited = feedFile("a.yaml", "b", "direct:b-rows");

        swap.replace(first, edited);

        assertTrue(swap.running(edited));
        assertNull(context.getRoute("a-feed"), "the old feed route is gone");
        assertNull(context.getRoute("a-steps"), "the old steps route is gone");
    }

    @Test
    void should_put_the_old_routes_back_when_the_new_ones_fail_to_start() throws Exception {
        FeedFile first = feedFile("a.yaml", "a", "direct:a-rows");
        swap.replace(null, first);
        FeedFile broken = feedFile("a.yaml", "b", "no-such-component:x");

        assertThrows(Exception.class, () -> swap.replace(first, broken));

        assertTrue(swap.running(first), "the old routes run again");
        assertNull(context.getRoute("b-feed"), "no half of the new file stays");
        assertNull(context.getRoute("b-steps"));
    }

    @Test
    void should_remove_all_routes_of_a_deleted_feed_file() throws Exception {
        FeedFile file = feedFile("a.yaml", "a", "direct:a-rows");
        swap.replace(null, file);

        swap.remove(file);

        assertTrue(context.getRoutes().isEmpty());
    }

    @Test
    void should_let_the_file_in_flight_finish_when_draining_and_take_none_meanwhile() throws Exception {
        FeedFile file = feedFile("a.yaml", "a", "direct:a-rows");
        swap.replace(null, file);
        drop("first.csv");
        assertTrue(entered.await(DEADLINE_MILLIS, TimeUnit.MILLISECONDS), "the file reached the held step");
        assertTrue(swap.busy(file));

        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> swap.drain(file));
        Await.until("the feed route's consumer takes no more files", Duration.ofMillis(DEADLINE_MILLIS), () ->
                ((StatefulService) context.getRoute("a-feed").getConsumer()).isSuspended());
        drop("second.csv");
        assertFalse(drained.isDone(), "the drain waits for the file in flight");
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("a-steps"),
                "the route the feed calls runs until the file is through");

        release.countDown();
        drained.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
        assertTrue(Files.exists(inbox.resolve(".camel/first.csv")), "the file in flight finished and was moved");
        assertFalse(swap.busy(file));
        assertFalse(swap.running(file));
        assertTrue(Files.exists(inbox.resolve("second.csv")), "a file that came during the drain waits, untaken");

        swap.restart(file);
        assertTrue(swap.running(file), "a drained file runs again after a restart");
        Await.until("the waiting file is taken after the restart", Duration.ofMillis(DEADLINE_MILLIS),
                () -> Files.exists(inbox.resolve(".camel/second.csv")));
    }

    /** Puts a file in the inbox whole (written under a hidden name, then renamed). */
    private void drop(String name) throws Exception {
        Path hidden = Files.writeString(inbox.resolve("." + name), "x\n1\n", StandardCharsets.UTF_8);
        Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** A feed file with a feed route and the route it calls. */
    private FeedFile feedFile(String name, String id, String rowsUri) throws Exception {
        Path path = folder.resolve(name);
        Files.writeString(path, """
                - route:
                    id: %1$s-feed
                    description: takes messages
                    from:
                      uri: "feed:%3$s?initialDelay=0&delay=20"
                      steps:
                        - to:
                            uri: %2$s
                - route:
                    id: %1$s-steps
                    description: the steps the feed calls
                    from:
                      uri: %2$s
                      steps:
                        - process:
                            ref: hold
                """.formatted(id, rowsUri, inbox), StandardCharsets.UTF_8);
        return FeedFile.read(context, path);
    }
}
