package io.csvingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Test folders laid out like the service's, and files dropped into the inbox the way users do it. */
public record Inbox(Path root) {

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path outbox() {
        return root.resolve("outbox");
    }

    public Path deadLetter() {
        return root.resolve("deadletter");
    }

    /** Empties and recreates the three folders. */
    public Inbox reset() {
        deleteTree(root);
        try {
            Files.createDirectories(inbox());
            Files.createDirectories(outbox());
            Files.createDirectories(deadLetter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes the file beside the inbox and moves it in, so it appears complete (as `cp` then `mv` would). */
    public Path drop(String name, String content) {
        try {
            Path staged = root.resolve(".staging-" + System.nanoTime());
            Files.writeString(staged, content, StandardCharsets.UTF_8);
            return Files.move(staged, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
