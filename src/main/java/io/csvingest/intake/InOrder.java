package io.csvingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.csvingest.IngestException;
import io.csvingest.feed.FileOrder;
import io.csvingest.feed.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a replace or upsert feed's files in order, across every instance sharing the inbox: a file is taken only when
 * no file before it (by name, or modification time) for the same table is still pending, waiting in the feed's folder
 * or loading in the in-progress folder. Looked at once per poll; one file per table and poll. A file is only taken once it
 * has settled: in the folder, unwritten, for the quiet period (counted from its arrival, as a move or link sets its change
 * time, when that came after its last write), so the files of one drop, moved in within the quiet period in any order,
 * are all pending before the first of them is taken.
 */
final class InOrder {

    private static final Logger LOG = LoggerFactory.getLogger(InOrder.class);

    /** A pending file: its name, modification time, and whether it is loading now (then it is first among equals). */
    record Pending(String name, long modified, boolean loading) {
    }

    private final String feed;
    private final Path folder;
    private final String table;
    private final InProgress inProgress;
    private final FeedRegistry registry;
    private final Comparator<Pending> order;
    private final long quietMillis;
    private volatile Map<String, Pending> first = Map.of();

    /** {@code quietMillis}: how long a file must have been in the folder, unwritten, before it is taken. */
    InOrder(String feed, Path folder, String table, FileOrder by, InProgress inProgress, FeedRegistry registry, long quietMillis) {
        this.feed = feed;
        this.folder = folder.toAbsolutePath().normalize();
        this.table = table;
        this.inProgress = inProgress;
        this.registry = registry;
        this.order = comparator(by);
        this.quietMillis = quietMillis;
    }

    static Comparator<Pending> comparator(FileOrder by) {
        Comparator<Pending> byName = Comparator.comparing(Pending::name);
        Comparator<Pending> loadingFirst = Comparator.comparing(pending -> !pending.loading());
        return (by == FileOrder.MODIFIED ? Comparator.comparingLong(Pending::modified).thenComparing(byName) : byName)
                .thenComparing(loadingFirst);
    }

    /** Before a poll lists the folder: the first pending file of each table. */
    void refresh() {
        Map<String, Pending> firsts = new HashMap<>();
        Stream.concat(files(folder, false), inProgress()).forEach(file -> firsts.merge(tableOf(file.name()), file,
                (a, b) -> order.compare(a, b) <= 0 ? a : b));
        first = firsts;
    }

    /** Whether this file of the folder is the first pending one of its table (else it waits for those before it). */
    boolean isNext(String name) {
        Pending next = first.get(tableOf(name));
        boolean isNext = next == null || !next.loading() && next.name().equals(name);
        if (!isNext) {
            LOG.debug("{} waits for {} (feed {} loads its files in order)", name, next.name(), feed);
        }
        return isNext;
    }

    /** Whether the file has been in the folder, unwritten, for the quiet period (the files dropped with it are pending). */
    boolean settled(Path file) {
        boolean settled = settled(file, quietMillis, System.currentTimeMillis());
        if (!settled) {
            LOG.debug("{} waits for the quiet period (files dropped with it may still be arriving)", file.getFileName());
        }
        return settled;
    }

    /** Whether {@code quietMillis} have passed since the file's last write or arrival (change time), whichever is later. */
    static boolean settled(Path file, long quietMillis, long now) {
        try {
            long modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
            long changed = modified;
            try {
                changed = ((FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS)).toMillis();
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // no change time here (not a Unix file system): the last write alone
            }
            return now - Math.max(modified, changed) >= quietMillis;
        } catch (IOException | SecurityException e) {
            return false; // gone, or out of reach: not this poll
        }
    }

    /** The first pending file of each table, as of the last refresh (for tests and readiness). */
    Map<String, Pending> firsts() {
        return first;
    }

    private String tableOf(String name) {
        try {
            return Names.tableFor(table, name);
        } catch (IngestException e) {
            return "\0" + name; // no table: it will be dead-lettered, and holds up no other file
        }
    }

    /** The feed's regular files in {@code dir}. */
    private Stream<Pending> files(Path dir, boolean loading) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            // by name first: the other feeds' files in a shared folder cost no file system call
            return entries.filter(file -> !file.getFileName().toString().startsWith(".")
                                          && registry.mayTake(feed, folder, file.getFileName().toString()))
                    .filter(RegularFiles::isRegular)
                    .map(file -> new Pending(file.getFileName().toString(), modified(file), loading))
                    .filter(file -> registry.takes(feed, folder, file.name(), file.modified()))
                    .toList().stream();
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", dir, FileProblems.plain(e));
            return Stream.empty();
        }
    }

    /** The feed's files loading now, by any instance: {@code .csv-ingest/<attempt>/<the folder>/}. */
    private Stream<Pending> inProgress() {
        Path relative = inProgress.inbox().relativize(folder);
        List<Path> attempts;
        try (Stream<Path> entries = Files.list(inProgress.folder())) {
            attempts = entries.toList();
        } catch (IOException e) {
            return Stream.empty(); // no in-progress folder yet
        }
        return attempts.stream().flatMap(attempt -> files(attempt.resolve(relative), true));
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
