package io.csvingest.intake;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.support.ExpressionAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a file is while it loads: moved out of the inbox the moment its load starts (camel-file's {@code preMove}, a
 * rename on the same file system) into {@code inbox/.csv-ingest/<attempt>/<its path>}. Its inbox name is then free for
 * the next file, and no later file under that name can be mistaken for it. A file whose load must wait goes back; a
 * file left there by an instance that died goes back once that instance's claim on it has run out.
 */
public final class InProgress {

    /** The hidden folder in the inbox; camel-file and the feeds never list hidden names. */
    static final String FOLDER = ".csv-ingest";

    private static final Logger LOG = LoggerFactory.getLogger(InProgress.class);

    private final Path inbox;
    private final Path root;
    private final AtomicLong attempts = new AtomicLong();
    private final Set<Path> inFlight = ConcurrentHashMap.newKeySet();
    /** Files put back into the inbox (their inbox path and file key): not "arrived whole", for {@link MovedInReadLock}. */
    private final Map<Path, Object> putBack = new ConcurrentHashMap<>();
    private volatile String token = "local";

    InProgress(Path inbox) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.root = this.inbox.resolve(FOLDER);
    }

    /** The inbox it is in. */
    Path inbox() {
        return inbox;
    }

    /** {@code inbox/.csv-ingest}. */
    Path folder() {
        return root;
    }

    /** Names this process's attempts (the claims' owner: instance and a random id per start). */
    void ownedBy(String owner) {
        token = owner.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The preMove target of a file: a folder of its own per attempt, so that two attempts never meet. */
    Expression preMove() {
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath().normalize();
                putBack.remove(file);
                Path target = root.resolve(token + "-" + attempts.incrementAndGet()).resolve(inbox.relativize(file));
                inFlight.add(target);
                return target.toString();
            }
        };
    }

    /** The key of a file's claim: its path in the inbox, the same before and after its move into progress. */
    Expression claimKey() {
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return inboxPath(Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class)));
            }
        };
    }

    /** The file's path relative to the inbox, for a file in the inbox or in the in-progress folder. */
    String inboxPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(root)) {
            Path inAttempt = root.relativize(absolute);
            return inAttempt.subpath(1, inAttempt.getNameCount()).toString();
        }
        return inbox.relativize(absolute).toString();
    }

    /** The attempt is over (the file moved on, or back); only now may a sweep look at what is left of it. */
    void done(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        inFlight.remove(absolute);
        removeEmptyFolders(absolute.getParent());
    }

    /**
     * Puts a file of the in-progress folder back into the inbox under its name; true when it moved it. When that
     * name is taken (by a newer file) it stays where it is and a later sweep tries again. Never replaces a file.
     */
    boolean putBack(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(root) || !Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return false; // not in the in-progress folder (any more)
        }
        Path target = inbox.resolve(inboxPath(absolute));
        Files.createDirectories(target.getParent());
        boolean moved = moveIfAbsent(absolute, target);
        if (moved) {
            removeEmptyFolders(absolute.getParent());
            Object key = fileKey(target);
            if (key != null) {
                putBack.put(target.toAbsolutePath().normalize(), key);
            }
        }
        return moved;
    }

    /** True for a file this instance put back into the inbox (the same file, not a new one under its name). */
    boolean wasPutBack(Path file) {
        Object key = putBack.get(file.toAbsolutePath().normalize());
        return key != null && key.equals(fileKey(file));
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * When the service stops with loads still in flight (its shutdown timeout passed): puts their files back into the
     * inbox now, for the next start. Their transactions roll back, and a load that got as far as its commit finds its
     * file gone and does not commit. Returns their inbox paths.
     */
    List<String> putBackInFlight() {
        List<String> putBack = new ArrayList<>();
        for (Path file : List.copyOf(inFlight)) {
            try {
                if (putBack(file)) {
                    String path = inboxPath(file);
                    putBack.add(path);
                    LOG.warn("Put {} back into the inbox: the service stopped before its load finished (nothing of it was"
                             + " committed); it loads at the next start", path);
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Could not put {} back into the inbox: {}", file, e.toString());
            }
            inFlight.remove(file);
        }
        return putBack;
    }

    /**
     * Puts back the files of attempts that are over: this process's attempts not in flight (their return was blocked),
     * and other instances' once this instance can take their claim (their lease ran out: they died). Never throws.
     */
    void recover(FileClaims claims) {
        for (Path file : leftOver()) {
            String path = inboxPath(file);
            try {
                if (claims != null && (claims.holds(path) || !claims.claim(path))) {
                    continue; // loading a file of that name right now, or another live instance holds it
                }
                try {
                    if (putBack(file)) {
                        LOG.warn("Put {} back into the inbox: the attempt to load it that left it in {} did not finish;"
                                 + " it loads again from the start", path, inbox.getFileName() + "/" + FOLDER);
                    }
                } finally {
                    if (claims != null) {
                        claims.release(path);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Could not put {} back into the inbox yet: {}", file, e.toString());
            }
        }
    }

    /** The regular files in the in-progress folder no attempt of this process is loading. */
    private List<Path> leftOver() {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(RegularFiles::isRegular)
                    .map(file -> file.toAbsolutePath().normalize())
                    .filter(file -> !inFlight.contains(file))
                    .toList();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot list {}: {}", root, e.toString());
            return List.of();
        }
    }

    private void removeEmptyFolders(Path folder) {
        for (Path dir = folder; dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                return; // not empty (or gone): stop here
            }
        }
    }

    /**
     * Moves {@code from} to {@code to} unless {@code to} exists, never replacing a file: a hard link then unlink where
     * the file system has them (atomic), else a check and a rename.
     */
    static boolean moveIfAbsent(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Files.move(from, to);
            return true;
        }
        Files.delete(from);
        return true;
    }
}
