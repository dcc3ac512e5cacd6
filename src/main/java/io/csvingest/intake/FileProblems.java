package io.csvingest.intake;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Says what went wrong with a file or folder in words a user can act on, instead of a Java exception's text. */
public final class FileProblems {

    private FileProblems() {
    }

    /** "Could not read x.csv: permission denied (...)". */
    public static String cannotRead(String name, IOException e) {
        return "Could not read " + name + ": " + plain(e);
    }

    /** What happened, in plain words, and what to do about it where there is something to do. */
    public static String plain(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: the service's user may not read or write it there (check its owner and mode,"
                   + " e.g. chmod a+r for a file, or APP_UID/APP_GID in .env)";
        }
        if (e instanceof NoSuchFileException) {
            return "it is not there (deleted, or moved away meanwhile)";
        }
        if (e instanceof NotDirectoryException) {
            return "a folder on its path is not a folder";
        }
        if (e instanceof EOFException) {
            return "it ends unexpectedly (cut short while it was read)";
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        String lower = String.valueOf(reason).toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) {
            return "the disk is full (" + reason + ")";
        }
        if (lower.contains("read-only file system")) {
            return "the folder is on a read-only file system";
        }
        if (lower.contains("file name too long")) {
            return "the name is too long for the file system";
        }
        if (lower.contains("too many levels of symbolic links")) {
            return "it is a symbolic link, which csv-ingest never follows";
        }
        if (lower.contains("not a directory")) {
            return "a folder on its path is not a folder";
        }
        return reason == null ? "an input/output error" : reason;
    }
}
