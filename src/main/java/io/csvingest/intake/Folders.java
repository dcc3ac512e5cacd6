package io.csvingest.intake;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Where files wait, go when loaded and go when they fail, and the stamped names that keep same-named files apart. */
public record Folders(Path inbox, Path outbox, Path deadLetter) {

    private static final DateTimeFormatter STAMP
            = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    public Folders {
        inbox = inbox.toAbsolutePath().normalize();
        outbox = outbox.toAbsolutePath().normalize();
        deadLetter = deadLetter.toAbsolutePath().normalize();
    }

    public static Folders of(String inbox, String outbox, String deadLetter) {
        return new Folders(Path.of(inbox), Path.of(outbox), Path.of(deadLetter));
    }

    /** Where a loaded file goes: {@code outbox/sales-20261122T101500.123Z.csv}. */
    public Path outboxTarget(String fileName, Instant pickedUp) {
        return outbox.resolve(stamped(fileName, pickedUp));
    }

    /** Where a file that could not be loaded goes; its reason file sits beside it. */
    public Path deadLetterTarget(String fileName, Instant pickedUp) {
        return deadLetter.resolve(stamped(fileName, pickedUp));
    }

    /** {@code sales-<stamp>.csv} becomes {@code sales-<stamp>.duplicate.csv}: content that was loaded before. */
    public static Path markedDuplicate(Path target) {
        String name = target.getFileName().toString();
        java.util.regex.Matcher stamp = java.util.regex.Pattern.compile("-\\d{8}T\\d{6}\\.\\d{3}Z").matcher(name);
        int at = stamp.find() ? stamp.end() : name.length();
        return target.resolveSibling(name.substring(0, at) + ".duplicate" + name.substring(at));
    }

    public static Path reasonFile(Path deadLetterTarget) {
        return beside(deadLetterTarget, ".reason.txt");
    }

    /** The file of a loaded or failed file's rejected rows: {@code sales-<stamp>.csv.rejects.csv}. */
    public static Path rejectsFile(Path target) {
        return beside(target, ".rejects.csv");
    }

    /** The JSON account of a loaded file: {@code sales-<stamp>.csv.report.json}. */
    public static Path reportFile(Path outboxTarget) {
        return beside(outboxTarget, ".report.json");
    }

    private static Path beside(Path target, String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }

    /** {@code sales.csv} becomes {@code sales-<UTC stamp>.csv}; a {@code .gz} keeps the extension before it too. */
    static String stamped(String fileName, Instant pickedUp) {
        int dot = fileName.lastIndexOf('.');
        if (dot > 0 && fileName.substring(dot).equalsIgnoreCase(".gz")) {
            int inner = fileName.lastIndexOf('.', dot - 1);
            dot = inner > 0 ? inner : dot;
        }
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        return stem + "-" + STAMP.format(pickedUp) + extension;
    }
}
