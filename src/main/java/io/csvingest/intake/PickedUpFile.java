package io.csvingest.intake;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

import io.csvingest.IngestException;
import io.csvingest.RetryLater;
import io.csvingest.context.LoadContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The picked-up file, opened once and never through a link: its checksum and its rows are both read from this one
 * open file, and just before its transaction commits the path must still be this very file (same device and inode,
 * size and modification time). A file swapped, grown or cut while it loaded is then not committed but loaded again.
 */
public final class PickedUpFile implements Closeable {

    /** The file opened for the load in flight. */
    public static final LoadContext.Part<PickedUpFile> PART = LoadContext.part("opened file", "PickedUpFile.open");

    private final Path path;
    private final FileChannel channel;
    private final Object fileKey;
    private final long size;
    private final long modified;

    private PickedUpFile(Path path, FileChannel channel, Object fileKey, long size, long modified) {
        this.path = path;
        this.channel = channel;
        this.fileKey = fileKey;
        this.size = size;
        this.modified = modified;
    }

    /** Opens the exchange's file (closed when the exchange is done); refuses anything but a regular file. */
    public static PickedUpFile open(Exchange exchange) {
        Path path = exchange.getIn().getBody(File.class).toPath();
        PickedUpFile file = open(path);
        LoadContext.of(exchange).set(PART, file);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                file.close();
            }
        });
        return file;
    }

    public static PickedUpFile of(Exchange exchange) {
        return LoadContext.of(exchange).get(PART);
    }

    static PickedUpFile open(Path path) {
        String name = path.getFileName().toString();
        try {
            BasicFileAttributes before = attributes(path);
            if (!before.isRegularFile()) {
                throw new IngestException(name + " is " + RegularFiles.notRegular(path).orElse("not a regular file")
                                          + ", not a regular file: csv-ingest reads regular files only");
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes after = attributes(path);
            if (!Objects.equals(before.fileKey(), after.fileKey())) {
                channel.close();
                throw new RetryLater(name + " was replaced by another file while it was being opened; it is looked at again");
            }
            return new PickedUpFile(path, channel, after.fileKey(), channel.size(), after.lastModifiedTime().toMillis());
        } catch (IOException e) {
            throw new IngestException(FileProblems.cannotRead(name, e), e);
        }
    }

    /** The file from its first byte, on the one open channel (not closed with the stream). */
    public InputStream fromStart() throws IOException {
        channel.position(0);
        return Channels.newInputStream(new ReadableByteChannel() {
            @Override
            public int read(ByteBuffer buffer) throws IOException {
                return channel.read(buffer);
            }

            @Override
            public boolean isOpen() {
                return channel.isOpen();
            }

            @Override
            public void close() {
                // the channel stays open for the next reader; it closes when the file's exchange is done
            }
        });
    }

    public long size() {
        return size;
    }

    /** The file's modification time when it was opened, in epoch milliseconds. */
    public long lastModified() {
        return modified;
    }

    public String name() {
        return path.getFileName().toString();
    }

    /**
     * The last check before the file's transaction commits: the path still names the file that was opened, which has
     * neither grown nor shrunk nor been touched. Otherwise nothing of it is committed and it loads again, whole.
     */
    public void checkUnchanged() {
        String name = name();
        try {
            BasicFileAttributes now = attributes(path);
            long current = channel.size();
            if (!Objects.equals(fileKey, now.fileKey())) {
                throw new RetryLater(name + " was replaced by another file while it was being loaded: nothing of it was"
                                     + " loaded; the file now there is loaded on its own");
            }
            if (current != size || now.size() != size || now.lastModifiedTime().toMillis() != modified) {
                throw new RetryLater(name + " changed while it was being loaded (" + size + " bytes when picked up, "
                                     + current + " now): is it still being written? Nothing of it was loaded; it loads"
                                     + " again once it has stopped changing. Writers should write under another name"
                                     + " and rename the file when it is complete");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RetryLater(name + " was deleted or moved away while it was being loaded: nothing of it was loaded");
        } catch (IOException e) {
            throw new RetryLater(name + " can no longer be looked at where it was picked up (" + FileProblems.plain(e)
                                 + "): nothing of it was loaded");
        }
    }

    /** Why the file is no longer the one picked up (it was replaced, grew, shrank, was touched or is gone), or empty. */
    public Optional<String> change() {
        try {
            checkUnchanged();
            return Optional.empty();
        } catch (RetryLater changed) {
            return Optional.of(changed.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only: nothing was written that closing could lose
        }
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
