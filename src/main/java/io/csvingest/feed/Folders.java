package io.csvingest.feed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import io.csvingest.Utf8;

/**
 * Where files wait, go when loaded and go when they fail, and the stamped names that keep same-named files apart.
 * Every name it makes fits the file system's 255-byte limit, with what may still be added to it.
 */
public record Folders(Path inbox, Path outbox, Path deadLetter) {

    private static final DateTimeFormatter STAMP
            = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** The longest file name ext4, XFS, Btrfs and APFS take, in bytes (UTF-8). */
    static final int MAX_NAME_BYTES = 255;
    /**
     * Bytes a stamped name may still grow by: {@code .duplicate}, then a file beside it ({@code .rejects.csv},
     * {@code .report.json}, {@code .reason.txt}) written first as {@code .<name>.rejects.csv.part}.
     */
    private static final int LATER_ADDITIONS = ".duplicate".length() + 1 + ".rejects.csv".length() + ".part".length();
    /** {@code -20261122T101500.123Z}. */
    private static final int STAMP_BYTES = 21;
    /** Stem and extension of a stamped name together, at most. */
    static final int MAX_STEM_AND_EXTENSION = MAX_NAME_BYTES - LATER_ADDITIONS - STAMP_BYTES;
    /** An "extension" longer than this is part of the stem (a name such as {@code a.very-long-description}). */
    private static final int MAX_EXTENSION_BYTES = 16;

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

    /**
     * {@code sales.csv} becomes {@code sales-<UTC stamp>.csv}; a {@code .gz} keeps the extension before it too. A stem
     * too long to take the stamp and what may follow within 255 bytes is cut (at a character, never inside one) and
     * ends in {@code ~} and 8 hex digits of the whole name's SHA-256: the same name always gives the same stem, two long
     * names sharing a beginning do not.
     */
    public static String stamped(String fileName, Instant pickedUp) {
        int dot = fileName.lastIndexOf('.');
        if (dot > 0 && fileName.substring(dot).equalsIgnoreCase(".gz")) {
            int inner = fileName.lastIndexOf('.', dot - 1);
            dot = inner > 0 ? inner : dot;
        }
        if (dot > 0 && Utf8.length(fileName.substring(dot)) > MAX_EXTENSION_BYTES) {
            dot = -1;
        }
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        int room = MAX_STEM_AND_EXTENSION - Utf8.length(extension);
        if (Utf8.length(stem) > room) {
            String hash = "~" + sha256(fileName).substring(0, 8);
            stem = Utf8.cut(stem, room - hash.length()) + hash;
        }
        return stem + "-" + STAMP.format(pickedUp) + extension;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
