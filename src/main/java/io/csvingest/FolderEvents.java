package io.csvingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File-change events for one folder, where the OS delivers them: they only trigger an early look (the feeds' folder,
 * an inbox), never replace the regular one (events are lost on some mounts, and overflow).
 */
public final class FolderEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderEvents.class);

    private final WatchService watcher;
    private final Thread thread;

    private FolderEvents(WatchService watcher, Thread thread) {
        this.watcher = watcher;
        this.thread = thread;
    }

    /** Any change in {@code folder} runs {@code onChange}, on a thread of its own; null when the OS gives no events. */
    public static FolderEvents start(Path folder, String threadName, Runnable onChange) {
        return start(folder, threadName, onChange, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    /** Changes of these {@code kinds} in {@code folder} run {@code onChange}; null when the OS gives no events. */
    public static FolderEvents start(Path folder, String threadName, Runnable onChange, WatchEvent.Kind<?>... kinds) {
        try {
            WatchService watcher = FileSystems.getDefault().newWatchService();
            folder.register(watcher, kinds);
            Thread thread = new Thread(() -> listen(watcher, onChange), threadName);
            thread.setDaemon(true);
            thread.start();
            return new FolderEvents(watcher, thread);
        } catch (IOException | RuntimeException e) {
            LOG.warn("No file-change events for {} ({}); it is only looked at every poll", folder, e.getMessage());
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
