package io.csvingest.intake;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.csvingest.context.LoadContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * When a feed last made progress (finished a poll of its folder; for each file in flight: started, loaded a batch)
 * and which files it has in flight: what readiness needs to tell a stalled intake or file from a long file that moves
 * on. With several files loading at once, each file's progress counts for itself: the poll going on does not hide a
 * file stuck on a lock.
 */
public final class FeedActivity {

    /** The activity of the feed whose file is in flight, told of each batch. */
    public static final LoadContext.Part<FeedActivity> PART = LoadContext.part("feed's activity", "the feed's consumer (FeedProcessor)");

    private final String feed;
    private volatile long progressedAt = System.nanoTime();
    /** The files in flight, by inbox path, each with when it last made progress. */
    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();

    FeedActivity(String feed) {
        this.feed = feed;
    }

    /** A batch of the file in flight loaded. */
    public static void progressed(Exchange exchange) {
        LoadContext context = LoadContext.of(exchange);
        context.find(PART).ifPresent(activity -> activity.progressed(context.find(FileClaims.PATH).orElse(null)));
    }

    void progressed(String file) {
        long now = System.nanoTime();
        if (file != null) {
            inFlight.replace(file, now);
        }
        progressedAt = now;
    }

    void started(String file) {
        inFlight.put(file, System.nanoTime());
        progressedAt = System.nanoTime();
    }

    void ended(String file) {
        inFlight.remove(file);
        progressedAt = System.nanoTime();
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
                progressedAt = System.nanoTime();
            }
        };
    }

    /**
     * Why readiness should go down: no progress for longer than {@code boundSeconds} while a file is in flight or
     * {@code filesWaiting}; empty while the feed moves on, or has nothing to do.
     */
    Optional<String> stalled(long boundSeconds, boolean filesWaiting) {
        long now = System.nanoTime();
        Optional<Map.Entry<String, Long>> stuck = inFlight.entrySet().stream().min(Map.Entry.comparingByValue());
        if (stuck.isPresent()) {
            long idle = TimeUnit.NANOSECONDS.toSeconds(now - stuck.get().getValue());
            return idle < boundSeconds ? Optional.empty() : Optional.of("feed " + feed + " has made no progress for " + idle
                    + " s on " + stuck.get().getKey() + " (a database lock or statement that does not end, a file that"
                    + " cannot be read?)");
        }
        long idle = TimeUnit.NANOSECONDS.toSeconds(now - progressedAt);
        if (idle < boundSeconds || !filesWaiting) {
            return Optional.empty();
        }
        return Optional.of("feed " + feed + " has made no progress for " + idle + " s while files wait for it (its intake"
                           + " is stuck)");
    }
}
