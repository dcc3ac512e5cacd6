package io.csvingest.context;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.csvingest.feed.Feed;
import org.apache.camel.Exchange;

/**
 * One file's journey in one typed object, the only per-file state its exchange carries (one property): each part is
 * set once, by the step that owns it, and read by the steps after it. Reading a part before its step has set it fails
 * with a message naming that step, so a route whose steps are out of order says so at once.
 */
public final class LoadContext {

    /** The exchange property holding the context: nothing else of a file's state travels on its exchange. */
    public static final String PROPERTY = "CsvIngestLoad";

    /** The feed that took the file: set by the feed's consumer before its route runs. */
    public static final Part<Feed> FEED = part("feed", "the feed's consumer (FeedProcessor)");
    /** The file's running account: set when its load starts. */
    public static final Part<FileLoad> ACCOUNT = part("account (target table and counts)", "StartLoadProcessor");
    /** Why the file is not loaded but moved to the outbox marked duplicate: set when its ledger entry is opened. */
    public static final Part<String> DUPLICATE = part("duplicate of an earlier load", "LedgerStart");

    /**
     * A kind of state the context holds, declared by the package that owns it (so the context needs none of them):
     * its name and the step that sets it, for the message when it is read too early.
     */
    public static final class Part<T> {

        private final String name;
        private final String setBy;

        private Part(String name, String setBy) {
            this.name = name;
            this.setBy = setBy;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Map<Part<?>, Object> parts = new ConcurrentHashMap<>();
    private final Instant pickedUp;

    private LoadContext(Instant pickedUp) {
        this.pickedUp = pickedUp;
    }

    /** A part {@code name}, set by the step {@code setBy}. */
    public static <T> Part<T> part(String name, String setBy) {
        return new Part<>(name, setBy);
    }

    /** The context of the file on this exchange, made when first asked for. */
    public static LoadContext of(Exchange exchange) {
        LoadContext context = exchange.getProperty(PROPERTY, LoadContext.class);
        if (context == null) {
            context = new LoadContext(Instant.ofEpochMilli(exchange.getClock().getCreated()));
            exchange.setProperty(PROPERTY, context);
        }
        return context;
    }

    /** Sets a part; each is set once, by the step that owns it. */
    public <T> void set(Part<T> part, T value) {
        if (value == null) {
            throw new IllegalArgumentException("A file's " + part + " cannot be set to nothing");
        }
        if (parts.putIfAbsent(part, value) != null) {
            throw new IllegalStateException("The file's " + part + " is set twice; " + part.setBy + " sets it, once");
        }
    }

    /**
     * Replaces a part that was set: only for what the load itself changes while it runs (the table plan, when a
     * column widens for a value that did not fit). Fails when the part was never set.
     */
    public <T> void replace(Part<T> part, T value) {
        if (value == null || parts.replace(part, value) == null) {
            throw new IllegalStateException("The file's " + part + " can only be replaced once " + part.setBy + " set it");
        }
    }

    /** The part; fails, naming the step that sets it, when that step has not run yet. */
    @SuppressWarnings("unchecked")
    public <T> T get(Part<T> part) {
        Object value = parts.get(part);
        if (value == null) {
            throw new IllegalStateException("The file's " + part + " is not known yet: " + part.setBy
                                            + " sets it, and must run before this step");
        }
        return (T) value;
    }

    /** The part, or empty where it may not have been set (a failure before its step, a load method without it). */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(Part<T> part) {
        return Optional.ofNullable((T) parts.get(part));
    }

    public boolean has(Part<?> part) {
        return parts.containsKey(part);
    }

    public Feed feed() {
        return get(FEED);
    }

    public FileLoad account() {
        return get(ACCOUNT);
    }

    /** The moment the file was picked up; every name derived for this file (outbox, dead letter, rejects) uses it. */
    public Instant pickedUp() {
        return pickedUp;
    }

    /** The file's name as it was in the inbox (camel-file's own header, the same after the move into progress). */
    public static String fileName(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    }
}
