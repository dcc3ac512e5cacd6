package io.csvingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What the service reads: regular files, never through a symbolic link. Anything else in the inbox (a link, a named
 * pipe, a socket, a device, a folder named like data) is never opened; this says in plain words what it is instead.
 */
final class RegularFiles {

    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int SOCKET = 0140000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;

    private RegularFiles() {
    }

    /** True for a regular file itself (not a link to one); false for anything else, or when it cannot be looked at. */
    static boolean isRegular(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile();
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** True for a symbolic link, whatever it points to (a file, a folder, nothing, itself). */
    static boolean isLink(Path path) {
        return Files.isSymbolicLink(path);
    }

    /** What the entry is when it is not a regular file ("a symbolic link to /etc/passwd", "a named pipe (FIFO)"); empty for a regular file. */
    static Optional<String> notRegular(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // gone meanwhile, or not ours to look at: nothing to say about it
        }
        if (attributes.isRegularFile()) {
            return Optional.empty();
        }
        if (attributes.isSymbolicLink()) {
            return Optional.of("a symbolic link" + target(path));
        }
        if (attributes.isDirectory()) {
            return Optional.of("a folder");
        }
        return Optional.of(special(path));
    }

    private static String target(Path link) {
        try {
            return " (to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private static String special(Path path) {
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & TYPE_MASK;
            return switch (type) {
                case FIFO -> "a named pipe (FIFO)";
                case SOCKET -> "a socket";
                case CHARACTER_DEVICE, BLOCK_DEVICE -> "a device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }
}
