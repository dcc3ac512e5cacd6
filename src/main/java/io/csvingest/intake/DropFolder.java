package io.csvingest.intake;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import io.csvingest.feed.Folders;

/**
 * A folder beside the inbox that users drop files into for something other than a load (retract, check): a dropped
 * file is taken by one instance with one rename into {@code .taking/<instance>/} (of several instances polling the
 * folder, the one whose rename succeeds has it), and leaves for a subfolder under a stamped name.
 */
public final class DropFolder {

    private final Path folder;
    private final Path taking;

    public DropFolder(Path folder, String instance) {
        this.folder = folder.toAbsolutePath().normalize();
        this.taking = this.folder.resolve(".taking").resolve(instance.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    public Path folder() {
        return folder;
    }

    /** Takes the dropped file {@code name} for this instance: where it lies now, or null when another instance took it first. */
    public Path take(String name) throws IOException {
        Files.createDirectories(taking);
        try {
            return Files.move(folder.resolve(name), taking.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Moves the taken file into {@code subfolder} under its name stamped with {@code pickedUp}; where it went. */
    public Path moveTo(String subfolder, Path taken, String name, Instant pickedUp) throws IOException {
        Path target = Files.createDirectories(folder.resolve(subfolder)).resolve(Folders.stamped(name, pickedUp));
        return Files.move(taken, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Puts the taken file back under its name, to be taken again later; false (and it stays taken) when a new file of
     * that name was dropped meanwhile, which a rename would overwrite.
     */
    public boolean putBack(Path taken, String name) throws IOException {
        try {
            Files.move(taken, folder.resolve(name));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** Where a file of this folder is shown in the log: from the folder's parent on ({@code retract/done/x.csv}). */
    public Path shown(Path file) {
        return folder.getParent().relativize(file);
    }

    /** The camel-file URI that lists the folder's dropped files (never its own hidden or sub folders, nor {@code excluded}). */
    public String endpointUri(String excluded) {
        return "file:" + folder + "?noop=true&idempotent=false&readLock=changed&readLockMarkerFile=false"
               + "&readLockLoggingLevel=OFF&readLockMinLength=0&readLockMinAge={{camel.component.feed.read-lock-min-age:1000}}"
               + "&readLockCheckInterval={{camel.component.feed.read-lock-check-interval:250}}"
               + "&delay={{camel.component.feed.poll-delay:500}}&autoCreate=false&exclude=^\\..*"
               + (excluded == null ? "" : "|" + excluded);
    }
}
