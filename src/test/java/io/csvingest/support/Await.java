package io.csvingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Polling with a deadline: how tests wait for files to move and rows to land (never a bare sleep). */
public final class Await {

    private Await() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
        }
    }

    /** Waits until {@code folder} holds {@code count} files whose names start with {@code prefix}; returns them. */
    public static List<Path> files(Path folder, String prefix, int count, Duration timeout) {
        until(count + " file(s) " + prefix + "* in " + folder, timeout, () -> list(folder, prefix).size() >= count);
        return list(folder, prefix);
    }

    /** Like {@link #files} but counting only the moved CSV files themselves, not their report, rejects or reason files. */
    public static List<Path> dataFiles(Path folder, String prefix, int count, Duration timeout) {
        until(count + " data file(s) " + prefix + "* in " + folder, timeout, () -> dataFiles(folder, prefix).size() >= count);
        return dataFiles(folder, prefix);
    }

    public static List<Path> dataFiles(Path folder, String prefix) {
        return list(folder, prefix).stream().filter(f -> f.getFileName().toString().matches(".*Z\\.csv(\\.gz)?")).toList();
    }

    public static List<Path> list(Path folder, String prefix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
