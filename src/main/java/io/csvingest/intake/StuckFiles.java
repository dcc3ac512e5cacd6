package io.csvingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.csvingest.context.LoadContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that could not be moved where they belong (the outbox, the dead-letter or in-progress folder cannot be
 * written): left in the inbox, said once, and not taken again while that folder still cannot be written, so nothing
 * loops, floods the log or the ledger. Readiness reports it; once a probe can write the folder again, they are taken
 * again (a loaded one then goes to the outbox as a duplicate, its rows are not loaded twice).
 */
public final class StuckFiles {

    /** The folder the file in flight cannot go to and why, found by whoever wrote beside it first. */
    public static final LoadContext.Part<CannotMove> CANNOT_MOVE = LoadContext.part("folder it cannot be moved to",
            "FileOutcome or FailureOutcome, when writing beside it fails");

    private static final Logger LOG = LoggerFactory.getLogger(StuckFiles.class);

    /** Why a file cannot be moved, found while writing its report or reason file. */
    public record CannotMove(Path folder, String why) {
    }

    /** The inbox files set aside (path, size and modification time) and the folder each could not go to. */
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    /** The folders that could not be written, and why. */
    private final Map<Path, String> folders = new ConcurrentHashMap<>();

    /** Says, for the file in flight, that it cannot go to {@code folder}; it then stays in the inbox. */
    public static void cannotMove(Exchange exchange, Path folder, String why) {
        LoadContext.of(exchange).set(CANNOT_MOVE, new CannotMove(folder, why));
    }

    static CannotMove cannotMove(Exchange exchange) {
        return LoadContext.of(exchange).find(CANNOT_MOVE).orElse(null);
    }

    /**
     * Sets the file aside under its inbox path until {@code folder} can be written; {@code current}: where it is now
     * (the in-progress folder, on its way back), same file, same size and modification time.
     */
    void add(Path inboxFile, Path current, Path folder, String why) {
        key(inboxFile, current).ifPresent(key -> files.put(key, folder));
        folders.put(folder, why);
    }

    /** Whether this very file (same size and modification time) was set aside. */
    boolean holds(Path inboxFile) {
        return !files.isEmpty() && key(inboxFile, inboxFile).map(files::containsKey).orElse(false);
    }

    /** Tries to write each folder that could not be written; a folder that works again gives its files back. */
    void probe() {
        for (Path folder : List.copyOf(folders.keySet())) {
            if (writable(folder)) {
                folders.remove(folder);
                int released = 0;
                for (Map.Entry<String, Path> file : List.copyOf(files.entrySet())) {
                    if (file.getValue().equals(folder)) {
                        files.remove(file.getKey());
                        released++;
                    }
                }
                LOG.info("{} can be written again: {} file(s) left in the inbox because of it are taken again", folder,
                        released);
            }
        }
    }

    /** What readiness says while a folder cannot be written, or empty. */
    Optional<String> problem() {
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        folders.forEach((folder, why) -> parts.add(folder + " (" + why + ")"));
        return Optional.of("files cannot be moved to " + String.join(", ", parts) + "; " + files.size()
                           + " file(s) wait in the inbox until it can be written");
    }

    private static boolean writable(Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".csv-ingest-probe-", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<String> key(Path inboxFile, Path current) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Optional.of(inboxFile.toAbsolutePath().normalize() + "|" + attributes.size() + "|"
                               + attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
