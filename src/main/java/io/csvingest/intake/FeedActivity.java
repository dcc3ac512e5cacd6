package io.csvingest.intake;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.csvingest.context.LoadContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * When a feed last made progress (finished a poll of its folder, started a file, loaded a batch) and which file it
 * has in flight: what readiness needs to tell a stalled intake from a long file that moves on.
 */
public final class FeedActivity {

    /** The activity of the feed whose file is in flight, told of each batch. */
    public static final LoadContext.Part<FeedActivity> PART = LoadContext.part("feed's activity", "the feed's consumer (FeedProcessor)");

    private final String feed;
    private volatile long progressedAt = System.nanoTime();
    /** The files in flight (several when the feed loads files side by side), by inbox path. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    FeedActivity(String feed) {
        this.feed = feed;
    }

    /** A batch of the file in flight loaded. */
    public static void progressed(Exchange exchange) {
        LoadContext.of(exchange).find(PART).ifPresent(FeedActivity::progressed);
    }

    void progressed() {
        progressedAt = System.nanoTime();
    }

    void started(String file) {
        inFlight.add(file);
        progressed();
    }

    void ended(String file) {
        inFlight.remove(file);
        progressed();
    }

    /** camel-file's poll strategy for the feed's folder: {@code beforePoll} runs first, each finished poll is progress. */
    DefaultPollingConsumerPollStrategy pollStrategy(Runnable beforePoll) {
        return new DefaultPollingConsumerPollStrategy() {
            @Override
            public boolean begin(Consumer consumer, Endpoint endpoint) {
                beforePoll.run();
                return true;
            }

            @Override
            public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
                progressed();
            }
        };
    }

    /**
     * Why readiness should go down: no progress for longer than {@code boundSeconds} while a file is in flight or
     * {@code filesWaiting}; empty while the feed moves on, or has nothing to do.
     */
    Optional<String> stalled(long boundSeconds, boolean filesWaiting) {
        long idle = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - progressedAt);
        String file = inFlight.stream().sorted().findFirst().orElse(null);
        if (idle < boundSeconds || file == null && !filesWaiting) {
            return Optional.empty();
        }
        return Optional.of("feed " + feed + " has made no progress for " + idle + " s "
                           + (file != null ? "on " + file + " (a database lock or statement that does not end, a file"
                                             + " that cannot be read?)" : "while files wait for it (its intake is stuck)"));
    }
}
