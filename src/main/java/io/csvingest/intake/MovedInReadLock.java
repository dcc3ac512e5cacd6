package io.csvingest.intake;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileHelper;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-file's read lock (the file's claim, then unchanged for the quiet period), composed with one shortcut: a file
 * that was moved or linked into the inbox whole is taken as soon as its claim is won, without the quiet period. Every
 * write sets a file's change time (ctime) and modification time (mtime) to the same instant; a rename or a new link
 * sets only ctime. So ctime later than mtime says the last thing done to the file was no write: it arrived whole (or
 * had its times set, as {@code cp -p} and {@code rsync} do after the last byte). A file still being written in place
 * has ctime equal to mtime and waits out the quiet period as before. A file this instance put back into the inbox
 * (also a rename) is not taken for whole by it: it may have gone back because it was still growing.
 */
final class MovedInReadLock extends ServiceSupport implements GenericFileExclusiveReadLockStrategy<File>, CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(MovedInReadLock.class);

    private final GenericFileExclusiveReadLockStrategy<File> delegate;
    private final FileClaims claims;
    private final InProgress inProgress;
    private GenericFileEndpoint<File> endpoint;
    private CamelContext camelContext;

    /** {@code claims}: the claims camel's read lock takes first (null when there are none). */
    MovedInReadLock(GenericFileExclusiveReadLockStrategy<File> delegate, FileClaims claims, InProgress inProgress) {
        this.delegate = delegate;
        this.claims = claims;
        this.inProgress = inProgress;
    }

    /** True when the file's inode changed after its last write: it was renamed, linked or had its times set since. */
    static boolean arrivedWhole(Path file) {
        try {
            FileTime changed = (FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
            return changed.compareTo(modified) > 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false; // no change time here (not a Unix file system): the quiet period decides
        }
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<File> operations, GenericFile<File> file, Exchange exchange)
            throws Exception {
        Path path = Path.of(file.getAbsoluteFilePath());
        if (!arrivedWhole(path) || inProgress.wasPutBack(path)) {
            return delegate.acquireExclusiveReadLock(operations, file, exchange);
        }
        if (claims == null) {
            return true;
        }
        Exchange dummy = GenericFileHelper.createDummy(endpoint, exchange, () -> file);
        String key = endpoint.getIdempotentKey().evaluate(dummy, String.class);
        try {
            return claims.add(exchange, key);
        } catch (RuntimeException e) {
            LOG.debug("Could not claim {}: {}", file.getFileName(), e.toString());
            return false;
        }
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint) throws Exception {
        this.endpoint = endpoint;
        delegate.prepareOnStartup(operations, endpoint);
    }

    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations<File> operations, GenericFile<File> file, Exchange exchange)
            throws Exception {
        delegate.releaseExclusiveReadLockOnAbort(operations, file, exchange);
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations<File> operations, GenericFile<File> file, Exchange exchange)
            throws Exception {
        delegate.releaseExclusiveReadLockOnRollback(operations, file, exchange);
    }

    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations<File> operations, GenericFile<File> file, Exchange exchange)
            throws Exception {
        delegate.releaseExclusiveReadLockOnCommit(operations, file, exchange);
    }

    @Override
    public void setTimeout(long timeout) {
        delegate.setTimeout(timeout);
    }

    @Override
    public void setCheckInterval(long checkInterval) {
        delegate.setCheckInterval(checkInterval);
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel level) {
        delegate.setReadLockLoggingLevel(level);
    }

    @Override
    public void setMarkerFiler(boolean markerFile) {
        delegate.setMarkerFiler(markerFile);
    }

    @Override
    public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
        delegate.setDeleteOrphanLockFiles(deleteOrphanLockFiles);
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
        if (delegate instanceof CamelContextAware aware) {
            aware.setCamelContext(camelContext);
        }
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(delegate);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(delegate);
    }
}
