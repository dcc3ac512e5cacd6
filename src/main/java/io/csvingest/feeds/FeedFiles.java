package io.csvingest.feeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.csvingest.FolderEvents;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the running feeds in step with the YAML files in {@code routes/}, polling the folder so bind mounts work too. */
public final class FeedFiles extends ServiceSupport implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(FeedFiles.class);
    /** A file saved less than this long ago may still be being written: it is read on a check shortly after. */
    private static final long SETTLE_MILLIS = 300;

    private final CamelContext context;
    private final RouteSwap routes;
    private final Path folder;
    private final long pollMillis;
    private final boolean watchEvents;
    private final Map<Path, FeedFile> applied = new HashMap<>();
    private final Map<Path, String> refused = new HashMap<>();
    /** Feed files whose change is being applied on the swap thread; scans leave them alone meanwhile. */
    private final Set<Path> swapping = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean recheckPending = new AtomicBoolean();
    private ScheduledExecutorService poller;
    private ExecutorService swapper;
    private FolderEvents events;

    public FeedFiles(CamelContext context, Path folder, long pollMillis, boolean watchEvents) {
        this.context = context;
        this.routes = new RouteSwap(context);
        this.folder = folder.toAbsolutePath().normalize();
        this.pollMillis = pollMillis;
        this.watchEvents = watchEvents;
    }

    @Override
    public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
        // feeds are loaded once the context is fully started (below), after the service's own routes
    }

    /** Loads the feeds once the service's own routes run, then keeps checking the folder. */
    @Override
    public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
        LOG.info("Feeds: reading {} (checked every {} ms{})", folder, pollMillis, watchEvents ? ", and on file events" : "");
        if (!Files.isDirectory(folder)) {
            LOG.warn("Feeds: {} does not exist; no feed runs until it is created (ROUTES_DIR)", folder);
        }
        poller = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "feed-files");
        swapper = context.getExecutorServiceManager().newCachedThreadPool(this, "feed-swap");
        scan();
        poller.scheduleWithFixedDelay(this::scan, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        if (watchEvents) {
            events = FolderEvents.start(folder, "feed-file-events", () -> poller.execute(this::scan));
        }
    }

    @Override
    protected void doStop() {
        if (events != null) {
            events.close();
        }
        if (poller != null) {
            context.getExecutorServiceManager().shutdownNow(poller);
            context.getExecutorServiceManager().shutdownNow(swapper);
        }
    }

    /** Compares the folder with what runs and applies the differences; never throws. */
    synchronized void scan() {
        if (context.isStopping() || context.isStopped()) {
            return;
        }
        List<Path> present;
        try {
            present = FeedFile.list(folder);
        } catch (IOException | RuntimeException e) {
            LOG.error("Feeds: cannot list {}: {}", folder, e.getMessage());
            return;
        }
        for (Path path : new TreeSet<>(applied.keySet())) {
            if (!present.contains(path) && !swapping.contains(path)) {
                remove(path);
            }
        }
        refused.keySet().retainAll(present);
        for (Path path : present) {
            if (swapping.contains(path)) {
                continue;
            }
            try {
                check(path);
            } catch (IOException | RuntimeException e) {
                LOG.debug("Feeds: {} changed while being read ({}); next check", path, e.getMessage());
            }
        }
    }

    private void check(Path path) throws IOException {
        long age = System.currentTimeMillis() - Files.getLastModifiedTime(path).toMillis();
        if (age >= 0 && age < SETTLE_MILLIS) {
            if (recheckPending.compareAndSet(false, true)) {
                poller.schedule(() -> {
                    recheckPending.set(false);
                    scan();
                }, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
            }
            return;
        }
        String checksum = FeedFile.checksum(path);
        FeedFile current = applied.get(path);
        if ((current == null || !current.checksum().equals(checksum)) && !checksum.equals(refused.get(path))) {
            apply(path, checksum, current);
        }
    }

    /** Parses and validates here; the swap runs on its own thread once the old routes drained, so no feed waits. */
    private void apply(Path path, String checksum, FeedFile current) {
        FeedFile next;
        try {
            next = FeedFile.read(context, path);
            FeedValidator.validate(context, next, current, otherFiles(path));
        } catch (Exception e) {
            refuse(path, checksum, current, e);
            return;
        }
        if (current != null && routes.busy(current)) {
            LOG.info("Feed file {} changed: the file in flight on route(s) {} finishes under the old version first;"
                     + " new files wait for the new one", name(path), current.routeIds());
        }
        swapLater(path, current, () -> swap(path, checksum, current, next));
    }

    private void remove(Path path) {
        FeedFile gone = applied.get(path);
        swapLater(path, gone, () -> {
            applied.remove(path);
            refused.clear();
            try {
                routes.remove(gone);
                LOG.info("Feed file {} deleted: route(s) {} stopped and removed", name(path), gone.routeIds());
            } catch (Exception e) {
                LOG.error("Feed file {} deleted, but its route(s) {} could not be removed: {}", name(path),
                        gone.routeIds(), FeedValidator.reason(e));
            }
        });
    }

    /**
     * Stops the old version's feed routes gracefully on a thread of its own (they take no new file, the file in
     * flight finishes, however long it takes), then runs {@code change} with the scans held off.
     */
    private void swapLater(Path path, FeedFile old, Runnable change) {
        swapping.add(path);
        swapper.execute(() -> {
            try {
                if (old != null) {
                    routes.drain(old);
                }
                synchronized (this) {
                    change.run();
                }
            } finally {
                swapping.remove(path);
                poller.execute(this::scan); // the file may have changed again meanwhile
            }
        });
    }

    private void swap(Path path, String checksum, FeedFile current, FeedFile next) {
        try {
            // again, now that other swaps are done: two new files of one scan may claim the same route id
            FeedValidator.validate(context, next, current, otherFiles(path));
            routes.replace(current, next);
        } catch (Exception e) {
            if (current != null) {
                try {
                    routes.restart(current); // drained for nothing: take files again
                } catch (RuntimeException restart) {
                    e.addSuppressed(restart);
                }
            }
            refuse(path, checksum, current, e);
            return;
        }
        applied.put(path, next);
        refused.clear(); // a refusal may have depended on this file (e.g. a route id it held): look again
        LOG.info("Feed file {} {}: route(s) {} {}", name(path), current == null ? "added" : "changed", next.routeIds(),
                current == null ? "started" : "reloaded");
    }

    private void refuse(Path path, String checksum, FeedFile current, Exception e) {
        refused.put(path, checksum);
        String previous = current == null ? "None of its routes run."
                : routes.running(current) ? "The previous version keeps running."
                : "The previous version could not be restarted either: route(s) " + current.routeIds() + " do not run.";
        LOG.error("Feed file {} not applied: {}. {}", name(path), FeedValidator.reason(e), previous);
    }

    private List<FeedFile> otherFiles(Path path) {
        List<FeedFile> others = new ArrayList<>(applied.values());
        others.removeIf(file -> file.path().equals(path));
        return others;
    }

    private String name(Path path) {
        return folder.getFileName() + "/" + path.getFileName();
    }

}
