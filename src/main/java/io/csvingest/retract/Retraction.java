package io.csvingest.retract;

import java.nio.file.Path;
import java.time.Instant;

import io.csvingest.context.LoadContext;
import org.apache.camel.Exchange;

/**
 * One file dropped into the retract folder, on its way: where it was taken to, the load it names, and what came of it
 * (the rows removed, or why nothing was). The per-file state of route {@code retract-file}.
 */
public final class Retraction {

    /** The retraction of the file in flight. */
    public static final LoadContext.Part<Retraction> PART = LoadContext.part("retraction", "RetractFolder.take");

    public static Retraction of(Exchange exchange) {
        return LoadContext.of(exchange).get(PART);
    }

    /** What a retraction did: the load, its file and table, rows it loaded, removed, and kept (a later load's now). */
    public record Done(long loadId, String file, String table, String mode, long loaded, long removed, long keptByLaterLoads,
                       Instant at, String instance) {
    }

    private final String name;
    private final Instant pickedUp = Instant.now();
    private Path taken;
    private long loadId;
    private Done done;

    Retraction(String name) {
        this.name = name;
    }

    /** The dropped file's name. */
    public String name() {
        return name;
    }

    public Instant pickedUp() {
        return pickedUp;
    }

    /** Where the file lies while it is retracted (null: another instance took it first). */
    public Path taken() {
        return taken;
    }

    void taken(Path taken) {
        this.taken = taken;
    }

    public long loadId() {
        return loadId;
    }

    void loadId(long loadId) {
        this.loadId = loadId;
    }

    public Done done() {
        return done;
    }

    void done(Done done) {
        this.done = done;
    }
}
