package io.csvingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the intake: down, naming the feed and the file, while a feed with work to do has made no progress for
 * longer than the stall bound, or while files cannot be moved where they belong. A long file that moves on is fine.
 */
final class IntakeHealthCheck extends AbstractHealthCheck {

    private final FeedRegistry registry;
    private final StuckFiles stuck;
    private final long stallSeconds;

    IntakeHealthCheck(FeedRegistry registry, StuckFiles stuck, long stallSeconds) {
        super("csv-ingest", "intake");
        this.registry = registry;
        this.stuck = stuck;
        this.stallSeconds = stallSeconds;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<String> problems = new ArrayList<>();
        stuck.problem().ifPresent(problems::add);
        registry.running().forEach((scope, activity) ->
                activity.stalled(stallSeconds, hasWaitingFiles(scope)).ifPresent(problems::add));
        if (problems.isEmpty()) {
            builder.up();
        } else {
            builder.message(String.join("; ", problems)).down();
        }
    }

    /** Whether the feed's folder holds a file the feed would take (listed only when the feed has been idle long). */
    private boolean hasWaitingFiles(FeedRegistry.Scope scope) {
        try (Stream<Path> files = Files.list(scope.folder())) {
            return files.filter(RegularFiles::isRegular)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> !stuck.holds(file))
                    .anyMatch(file -> registry.takes(scope.feed(), scope.folder(), file.getFileName().toString(),
                            file.toFile().lastModified()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
