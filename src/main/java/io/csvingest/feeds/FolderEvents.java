package io.csvingest.feeds;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File-change events for one folder, where the OS delivers them: they only trigger an early scan. */
final class FolderEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderEvents.class);

    private final WatchService watcher;
    private final Thread thread;

    private FolderEvents(WatchService watcher, Thread thread) {
        this.watcher = watcher;
        this.thread = thread;
    }

    static FolderEvents start(Path folder, Runnable onChange) {
        try {
            WatchService watcher = FileSystems.getDefault().newWatchService();
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            Thread thread = new Thread(() -> listen(watcher, onChange), "feed-file-events");
            thread.setDaemon(true);
            thread.start();
            return new FolderEvents(watcher, thread);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Feeds: no file-change events for {} ({}); polling only", folder, e.getMessage());
            return null;
        }
    }

    private static void listen(WatchService watcher, Runnable onChange) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                onChange.run();
                if (!key.reset()) {
                    return;
                }
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
        thread.interrupt();
    }
}
