package io.csvingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports, once each, the inbox files no running feed takes: they stay where they are and the user should know. */
final class UnclaimedFiles implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger("csv-ingest");

    private final Path inbox;
    private final FeedRegistry registry;
    private final Set<String> reported = new HashSet<>();

    UnclaimedFiles(Path inbox, FeedRegistry registry) {
        this.inbox = inbox;
        this.registry = registry;
    }

    @Override
    public void run() {
        Set<Path> folders = new HashSet<>(registry.folders());
        folders.add(inbox);
        folders.addAll(subfolders(inbox));
        Set<String> seen = new HashSet<>();
        for (Path folder : folders) {
            for (Path file : files(folder)) {
                String name = file.getFileName().toString();
                String key = file + "@" + file.toFile().lastModified();
                seen.add(key);
                if (registry.claimants(folder, name).isEmpty() && reported.add(key)) {
                    LOG.warn("{} is not taken by any feed: it stays in the inbox (see routes/ for the feeds and their"
                             + " include patterns)", inbox.getParent().relativize(file));
                }
            }
        }
        reported.retainAll(seen);
    }

    private static List<Path> subfolders(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> !f.getFileName().toString().endsWith(".camelLock"))
                    .toList();
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", folder, e.getMessage());
            return List.of();
        }
    }
}
