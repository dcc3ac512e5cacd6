package io.csvingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;

/**
 * The last check before a file's transaction commits: the file must still be as it was when it was picked up. A
 * writer that paused longer than the read lock's minimum age and then went on would otherwise get only the first
 * part of its file loaded; instead the load is rolled back and the file is taken again once it stops changing.
 */
public final class UnchangedFile {

    private UnchangedFile() {
    }

    public static void check(Exchange exchange) {
        String path = exchange.getIn().getHeader(Exchange.FILE_PATH, String.class);
        Long length = exchange.getIn().getHeader(Exchange.FILE_LENGTH, Long.class);
        Long modified = exchange.getIn().getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
        if (path == null || length == null || modified == null) {
            return;
        }
        Path file = Path.of(path);
        try {
            if (Files.size(file) != length || Files.getLastModifiedTime(file).toMillis() != modified) {
                throw new RetryLater(file.getFileName() + " changed while it was being loaded (" + length + " bytes when"
                                     + " picked up, " + Files.size(file) + " now): is it still being written? Nothing of"
                                     + " it was loaded; it loads again once it has stopped changing. Writers should write"
                                     + " under another name and rename the file when it is complete");
            }
        } catch (IOException e) {
            throw new RetryLater(file.getFileName() + " can no longer be read where it was picked up (" + e + ")");
        }
    }
}
