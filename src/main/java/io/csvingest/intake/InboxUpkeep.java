package io.csvingest.intake;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.csvingest.feed.Folders;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * The intake's work between polls: says what in the inbox will not be loaded, retries folders files could not be
 * moved to, puts back files that instances which died left in progress, tells readiness about stalled feeds; and when
 * the service stops, puts back the files whose load could not finish in time.
 */
final class InboxUpkeep {

    private final CamelContext context;
    private final Folders folders;
    private final FeedRegistry registry;
    private final StuckFiles stuck;
    private final InProgress inProgress;
    private ScheduledExecutorService executor;

    InboxUpkeep(CamelContext context, Folders folders, FeedRegistry registry, StuckFiles stuck, InProgress inProgress) {
        this.context = context;
        this.folders = folders;
        this.registry = registry;
        this.stuck = stuck;
        this.inProgress = inProgress;
    }

    /**
     * Every {@code checkInterval} ms: the report of what is not taken, and the probe of folders that could not be
     * written; every third of a claim's lease: files left in progress. Readiness from now on includes the intake.
     */
    void start(Object owner, long checkInterval, long stallSeconds) {
        FileClaims claims = context.getRegistry().findSingleByType(FileClaims.class);
        IntakeGate gate = context.getRegistry().findSingleByType(IntakeGate.class);
        if (claims != null) {
            inProgress.ownedBy(claims.owner());
        }
        UnclaimedFiles unclaimed = new UnclaimedFiles(folders.inbox(), registry);
        executor = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(owner, "unclaimed-files");
        executor.scheduleWithFixedDelay(() -> {
            unclaimed.run();
            stuck.probe();
        }, checkInterval, checkInterval, TimeUnit.MILLISECONDS);
        // files left in progress by an instance that died go back once its lease ran out: look as often as leases renew
        long recoverEvery = claims == null ? checkInterval
                : Math.max(200, Math.min(checkInterval, TimeUnit.SECONDS.toMillis(claims.leaseSeconds()) / 3));
        executor.scheduleWithFixedDelay(() -> {
            if (gate == null || gate.isOpen()) {
                inProgress.recover(claims);
            }
        }, recoverEvery, recoverEvery, TimeUnit.MILLISECONDS);
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            health.register(new IntakeHealthCheck(registry, stuck, stallSeconds));
        }
    }

    /** After the feeds stopped: files whose load could not finish in the shutdown timeout go back into the inbox. */
    void stop() {
        if (executor != null) {
            context.getExecutorServiceManager().shutdown(executor);
            executor = null;
        }
        FileClaims claims = context.getRegistry().findSingleByType(FileClaims.class);
        for (String path : inProgress.putBackInFlight()) {
            if (claims != null) {
                claims.release(path); // the next start need not wait out this start's lease
            }
        }
    }
}
