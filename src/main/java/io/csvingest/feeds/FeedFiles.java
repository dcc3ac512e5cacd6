package io.csvingest.feeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the running feeds in step with the YAML files in {@code routes/}: a new file starts its routes, a changed
 * one replaces them (only once it parses and validates), a deleted one stops and removes them. The folder is polled,
 * so it works where no file-change events arrive (Docker Desktop bind mounts); events only make it sooner.
 */
public final class FeedFiles extends ServiceSupport implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger("csv-ingest");
    private static final long SETTLE_MILLIS = 300;

    private final CamelContext context;
    private final Path folder;
    private final long pollMillis;
    private final boolean watchEvents;
    private final Map<Path, FeedFile> applied = new HashMap<>();
    private final Map<Path, String> refused = new HashMap<>();
    private ScheduledExecutorService poller;
    private FolderEvents events;

    public FeedFiles(CamelContext context, Path folder, long pollMillis, boolean watchEvents) {
        this.context = context;
        this.folder = folder.toAbsolutePath().normalize();
        this.pollMillis = pollMillis;
        this.watchEvents = watchEvents;
    }

    @Override
    public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
        // feeds are loaded once the context is fully started (below), after the service's own routes
    }

    /** Loads the feeds once the service's own routes run, then keeps polling. */
    @Override
    public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
        LOG.info("Feeds: reading {} (checked every {} ms{})", folder, pollMillis, watchEvents ? ", and on file events" : "");
        if (!Files.isDirectory(folder)) {
            LOG.warn("Feeds: {} does not exist; no feed runs until it is created (ROUTES_DIR)", folder);
        }
        poller = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "feed-files");
        scan();
        poller.scheduleWithFixedDelay(this::scan, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        if (watchEvents) {
            events = FolderEvents.start(folder, () -> poller.execute(this::scan));
        }
    }

    @Override
    protected void doStop() {
        if (events != null) {
            events.close();
        }
        if (poller != null) {
            context.getExecutorServiceManager().shutdownNow(poller);
        }
    }

    /** Compares the folder with what runs and applies the differences; never throws. */
    synchronized void scan() {
        try {
            List<Path> present = yamlFiles();
            for (Path path : new TreeSet<>(applied.keySet())) {
                if (!present.contains(path)) {
                    remove(path);
                }
            }
            refused.keySet().retainAll(present);
            for (Path path : present) {
                if (System.currentTimeMillis() - Files.getLastModifiedTime(path).toMillis() < SETTLE_MILLIS) {
                    // maybe still being written (an editor saving in steps): look again shortly
                    poller.schedule(this::scan, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                    continue;
                }
                String checksum = FeedFile.checksum(path);
                FeedFile current = applied.get(path);
                if ((current == null || !current.checksum().equals(checksum)) && !checksum.equals(refused.get(path))) {
                    apply(path, checksum, current);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Feeds: cannot read {}: {}", folder, e.getMessage());
        }
    }

    private void apply(Path path, String checksum, FeedFile current) {
        FeedFile next;
        try {
            next = FeedFile.read(context, path);
            FeedValidator.validate(context, next, owners());
            replace(current, next);
        } catch (Exception e) {
            refused.put(path, checksum);
            LOG.error("Feed file {} not applied: {}. {}", name(path), reason(e),
                    current == null ? "None of its routes run." : "The previous version keeps running.");
            return;
        }
        refused.remove(path);
        applied.put(path, next);
        LOG.info("Feed file {} {}: route(s) {} {}", name(path), current == null ? "added" : "changed", next.routeIds(),
                current == null ? "started" : "reloaded");
    }

    /** Swaps the routes; if the new ones do not start, the old ones are put back. */
    private void replace(FeedFile current, FeedFile next) throws Exception {
        ModelCamelContext model = (ModelCamelContext) context;
        List<RouteDefinition> old = current == null ? List.of() : current.routes();
        model.removeRouteDefinitions(old); // stops gracefully: a file in flight finishes under the old definition
        try {
            model.addRouteDefinitions(next.routes());
        } catch (Exception e) {
            model.removeRouteDefinitions(next.routes().stream().filter(r -> context.getRoute(r.getRouteId()) != null).toList());
            model.addRouteDefinitions(old);
            throw e;
        }
    }

    private void remove(Path path) {
        FeedFile gone = applied.remove(path);
        try {
            ((ModelCamelContext) context).removeRouteDefinitions(gone.routes());
            LOG.info("Feed file {} deleted: route(s) {} stopped and removed", name(path), gone.routeIds());
        } catch (Exception e) {
            LOG.error("Feed file {} deleted, but its route(s) {} could not be removed: {}", name(path), gone.routeIds(),
                    reason(e));
        }
    }

    private Map<String, Path> owners() {
        Map<String, Path> owners = new HashMap<>();
        applied.values().forEach(file -> file.routeIds().forEach(id -> owners.put(id, file.path())));
        return owners;
    }

    private List<Path> yamlFiles() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("[^.].*\\.ya?ml")).sorted().toList();
        }
    }

    private String name(Path path) {
        return folder.getFileName() + "/" + path.getFileName();
    }

    private static String reason(Exception e) {
        String reason = e instanceof IllegalArgumentException ? e.getMessage() : FeedValidator.rootMessage(e);
        return String.valueOf(reason).replaceAll("\\s+", " ").strip();
    }
}
