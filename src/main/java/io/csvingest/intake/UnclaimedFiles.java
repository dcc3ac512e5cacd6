package io.csvingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports, once each, what in the inbox will not be loaded and stays where it is: files no running feed takes, and
 * anything that is not a regular file (a symbolic link, a named pipe, a socket, a device, a folder named like data),
 * which is never opened. A feed folder that is a link is not read through either.
 */
final class UnclaimedFiles implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(UnclaimedFiles.class);

    private final Path inbox;
    private final FeedRegistry registry;
    private final Set<String> reported = new HashSet<>();

    UnclaimedFiles(Path inbox, FeedRegistry registry) {
        this.inbox = inbox;
        this.registry = registry;
    }

    @Override
    public void run() {
        Set<Path> feedFolders = registry.folders();
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(inbox);
        folders.addAll(subfolders(inbox));
        folders.addAll(feedFolders);
        Set<String> seen = new HashSet<>();
        for (Path folder : folders) {
            if (RegularFiles.isLink(folder)) {
                report(seen, folder, "is " + RegularFiles.notRegular(folder).orElse("a symbolic link") + ": csv-ingest"
                                     + " never reads through links, so no feed takes files from it");
                continue;
            }
            for (Path entry : entries(folder)) {
                if (feedFolders.contains(entry)) {
                    continue; // a feed's folder: looked at on its own
                }
                String name = entry.getFileName().toString();
                boolean matched = !registry.scopesMatching(folder, name).isEmpty();
                Optional<String> notRegular = RegularFiles.notRegular(entry);
                if (notRegular.isPresent()) {
                    if (!notRegular.get().equals("a folder") || matched) {
                        report(seen, entry, "is " + notRegular.get() + ", not a regular file: csv-ingest never opens it"
                                            + " and it stays in the inbox (put the file itself there, not a link to it)");
                    }
                } else if (!matched) {
                    report(seen, entry, "is not taken by any feed: it stays in the inbox (see routes/ for the feeds and"
                                        + " their include patterns)");
                }
            }
        }
        reported.retainAll(seen);
    }

    private void report(Set<String> seen, Path entry, String what) {
        String key = entry + "@" + entry.toFile().lastModified() + what;
        seen.add(key);
        if (reported.add(key)) {
            LOG.warn("{} {}", inbox.getParent().relativize(entry), what);
        }
    }

    /** Subfolders of the inbox that could be feed folders: not hidden, not links (those are reported, not entered). */
    private static List<Path> subfolders(Path folder) {
        return entries(folder).stream().filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)).toList();
    }

    private static List<Path> entries(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> !f.getFileName().toString().endsWith(".camelLock"))
                    .toList();
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", folder, FileProblems.plain(e));
            return List.of();
        }
    }
}
