package io.csvingest.intake;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which running feed takes which file. The rule: a file goes to the one non-fallback feed whose folder and pattern
 * match it; a fallback feed (zero-config) takes only files no other feed matches, nor files of a feed being reloaded;
 * a file two feeds match is taken by neither and reported.
 */
public final class FeedRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(FeedRegistry.class);

    /** A running feed's claim on inbox files. */
    record Claim(String feed, Path folder, Pattern include, boolean fallback) {

        boolean matches(Path fileFolder, String fileName) {
            return folder.equals(fileFolder) && include.matcher(fileName).matches();
        }
    }

    /** How long a stopped feed's claim still keeps the fallback feed off its files (a reload restarts it sooner). */
    private static final long RELOAD_GRACE_MILLIS = 10_000;

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    private final Map<String, FeedActivity> activities = new ConcurrentHashMap<>();
    /** Claims of feeds stopped a moment ago, each until when it still counts. */
    private final Map<String, Retired> retired = new ConcurrentHashMap<>();
    private final Set<String> reportedConflicts = ConcurrentHashMap.newKeySet();

    void register(Claim claim, FeedActivity activity) {
        Claim existing = claims.putIfAbsent(claim.feed(), claim);
        if (existing != null) {
            throw new IllegalStateException("Feed '" + claim.feed() + "' is already running; feed names must be unique");
        }
        activities.put(claim.feed(), activity);
        retired.remove(claim.feed());
    }

    void unregister(String feed) {
        activities.remove(feed);
        Claim claim = claims.remove(feed);
        if (claim != null && !claim.fallback()) {
            retired.put(feed, new Retired(claim, System.currentTimeMillis() + RELOAD_GRACE_MILLIS));
        }
    }

    /** Whether {@code feed} is the one feed that takes this file (modified at {@code lastModified}). */
    boolean takes(String feed, Path fileFolder, String fileName, long lastModified) {
        List<Claim> matching = claimants(fileFolder, fileName);
        List<Claim> specific = matching.stream().filter(claim -> !claim.fallback()).toList();
        if (specific.isEmpty() && reloading(fileFolder, fileName)) {
            return false; // a feed that matches it is being reloaded: not the fallback feed's file
        }
        if (specific.size() > 1) {
            if (reportedConflicts.add(fileFolder.resolve(fileName) + "@" + lastModified)) {
                LOG.error("{}/{} matches feeds {}: no feed takes it; make their include patterns or folders disjoint",
                        fileFolder.getFileName(), fileName, specific.stream().map(Claim::feed).sorted().toList());
            }
            return false;
        }
        List<Claim> winners = specific.isEmpty() ? matching : specific;
        return winners.stream().map(Claim::feed).min(Comparator.naturalOrder()).map(feed::equals).orElse(false);
    }

    private boolean reloading(Path fileFolder, String fileName) {
        long now = System.currentTimeMillis();
        retired.values().removeIf(stopped -> stopped.until() < now);
        return retired.values().stream().anyMatch(stopped -> stopped.claim().matches(fileFolder, fileName));
    }

    private record Retired(Claim claim, long until) {
    }

    /** The running feeds whose folder and pattern match the file. */
    List<Claim> claimants(Path fileFolder, String fileName) {
        return claims.values().stream().filter(claim -> claim.matches(fileFolder, fileName)).toList();
    }

    /** The running feeds' claims, each with its activity. */
    Map<Claim, FeedActivity> running() {
        Map<Claim, FeedActivity> running = new java.util.HashMap<>();
        claims.forEach((feed, claim) -> {
            FeedActivity activity = activities.get(feed);
            if (activity != null) {
                running.put(claim, activity);
            }
        });
        return running;
    }

    /** The folders running feeds watch. */
    Set<Path> folders() {
        return claims.values().stream().map(Claim::folder).collect(Collectors.toSet());
    }
}
