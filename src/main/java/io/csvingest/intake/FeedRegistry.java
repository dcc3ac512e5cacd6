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
 * match it; a fallback feed (zero-config) takes only files no other feed matches; a file two feeds match is taken
 * by neither and reported.
 */
public final class FeedRegistry {

    private static final Logger LOG = LoggerFactory.getLogger("csv-ingest");

    /** A running feed's claim on inbox files. */
    record Claim(String feed, Path folder, Pattern include, boolean fallback) {

        boolean matches(Path fileFolder, String fileName) {
            return folder.equals(fileFolder) && include.matcher(fileName).matches();
        }
    }

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    private final Set<String> reportedConflicts = ConcurrentHashMap.newKeySet();

    void register(Claim claim) {
        Claim existing = claims.putIfAbsent(claim.feed(), claim);
        if (existing != null) {
            throw new IllegalStateException("Feed '" + claim.feed() + "' is already running; feed names must be unique");
        }
    }

    void unregister(String feed) {
        claims.remove(feed);
    }

    /** Whether {@code feed} is the one feed that takes this file. */
    boolean takes(String feed, Path fileFolder, String fileName) {
        List<Claim> matching = claimants(fileFolder, fileName);
        List<Claim> specific = matching.stream().filter(claim -> !claim.fallback()).toList();
        if (specific.size() > 1) {
            if (reportedConflicts.add(fileFolder.resolve(fileName).toString())) {
                LOG.error("{}/{} matches feeds {}: no feed takes it; make their include patterns or folders disjoint",
                        fileFolder.getFileName(), fileName, specific.stream().map(Claim::feed).sorted().toList());
            }
            return false;
        }
        List<Claim> winners = specific.isEmpty() ? matching : specific;
        return winners.stream().map(Claim::feed).min(Comparator.naturalOrder()).map(feed::equals).orElse(false);
    }

    /** The running feeds whose folder and pattern match the file. */
    List<Claim> claimants(Path fileFolder, String fileName) {
        return claims.values().stream().filter(claim -> claim.matches(fileFolder, fileName)).toList();
    }

    /** The folders running feeds watch. */
    Set<Path> folders() {
        return claims.values().stream().map(Claim::folder).collect(Collectors.toSet());
    }
}
