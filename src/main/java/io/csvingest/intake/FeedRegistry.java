package io.csvingest.intake;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.csvingest.feed.Feed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which running feed takes which file. The rule: a file goes to the one non-fallback feed whose folder and pattern
 * match it; a fallback feed (zero-config) takes only files no other feed matches, nor files of a feed being reloaded;
 * a file two feeds match is taken by neither and reported.
 */
public final class FeedRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(FeedRegistry.class);

    /** Which inbox files a running feed would take: its folder and include pattern (a fallback feed yields to others). */
    record Scope(String feed, Path folder, Pattern include, boolean fallback) {

        boolean matches(Path fileFolder, String fileName) {
            return folder.equals(fileFolder) && include.matcher(fileName).matches();
        }
    }

    /** How long a stopped feed's scope still keeps the fallback feed off its files (a reload restarts it sooner). */
    private static final long RELOAD_GRACE_MILLIS = 10_000;

    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();
    private final Map<String, FeedActivity> activities = new ConcurrentHashMap<>();
    private final Map<String, Feed> models = new ConcurrentHashMap<>();
    /** Scopes of feeds stopped a moment ago, each until when it still counts. */
    private final Map<String, Retired> retired = new ConcurrentHashMap<>();
    private final Set<String> reportedConflicts = ConcurrentHashMap.newKeySet();

    void register(Scope scope, FeedActivity activity) {
        register(scope, activity, null);
    }

    /** {@code model}: what the feed says about its files (for {@link #feedFor}); null when not needed. */
    void register(Scope scope, FeedActivity activity, Feed model) {
        Scope existing = scopes.putIfAbsent(scope.feed(), scope);
        if (existing != null) {
            throw new IllegalStateException("Feed '" + scope.feed() + "' is already running; feed names must be unique");
        }
        activities.put(scope.feed(), activity);
        if (model != null) {
            models.put(scope.feed(), model);
        }
        retired.remove(scope.feed());
    }

    /** The running feed that would take a file of this name dropped into {@code folder} now, if one would. */
    public Optional<Feed> feedFor(Path folder, String fileName) {
        Path normalized = folder.toAbsolutePath().normalize();
        return scopesMatching(normalized, fileName).stream().map(Scope::feed)
                .filter(feed -> takes(feed, normalized, fileName, 0)).findFirst().map(models::get);
    }

    void unregister(String feed) {
        activities.remove(feed);
        models.remove(feed);
        Scope scope = scopes.remove(feed);
        if (scope != null && !scope.fallback()) {
            retired.put(feed, new Retired(scope, System.currentTimeMillis() + RELOAD_GRACE_MILLIS));
        }
    }

    /** Whether {@code feed} may take a file of this name in this folder: its own folder and pattern match (no more). */
    boolean mayTake(String feed, Path fileFolder, String fileName) {
        Scope scope = scopes.get(feed);
        return scope == null || scope.matches(fileFolder, fileName);
    }

    /** Whether {@code feed} is the one feed that takes this file (modified at {@code lastModified}). */
    boolean takes(String feed, Path fileFolder, String fileName, long lastModified) {
        List<Scope> matching = scopesMatching(fileFolder, fileName);
        List<Scope> specific = matching.stream().filter(scope -> !scope.fallback()).toList();
        if (specific.isEmpty() && reloading(fileFolder, fileName)) {
            return false; // a feed that matches it is being reloaded: not the fallback feed's file
        }
        if (specific.size() > 1) {
            if (reportedConflicts.add(fileFolder.resolve(fileName) + "@" + lastModified)) {
                LOG.error("{}/{} matches feeds {}: no feed takes it; make their include patterns or folders disjoint",
                        fileFolder.getFileName(), fileName, specific.stream().map(Scope::feed).sorted().toList());
            }
            return false;
        }
        List<Scope> winners = specific.isEmpty() ? matching : specific;
        return winners.stream().map(Scope::feed).min(Comparator.naturalOrder()).map(feed::equals).orElse(false);
    }

    private boolean reloading(Path fileFolder, String fileName) {
        long now = System.currentTimeMillis();
        retired.values().removeIf(stopped -> stopped.until() < now);
        return retired.values().stream().anyMatch(stopped -> stopped.scope().matches(fileFolder, fileName));
    }

    private record Retired(Scope scope, long until) {
    }

    /** The running feeds whose folder and pattern match the file. */
    List<Scope> scopesMatching(Path fileFolder, String fileName) {
        return scopes.values().stream().filter(scope -> scope.matches(fileFolder, fileName)).toList();
    }

    /** The running feeds' scopes, each with its activity. */
    Map<Scope, FeedActivity> running() {
        Map<Scope, FeedActivity> running = new HashMap<>();
        scopes.forEach((feed, scope) -> {
            FeedActivity activity = activities.get(feed);
            if (activity != null) {
                running.put(scope, activity);
            }
        });
        return running;
    }

    /** The folders running feeds watch. */
    Set<Path> folders() {
        return scopes.values().stream().map(Scope::folder).collect(Collectors.toSet());
    }
}
