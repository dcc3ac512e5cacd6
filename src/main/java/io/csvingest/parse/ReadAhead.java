package io.csvingest.parse;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Advances an iterator on its own thread, up to {@code depth} elements ahead of the caller: a file's next batches are
 * parsed while the current one is cleaned and loaded. A failure is handed over in order, where it happened.
 */
final class ReadAhead<T> implements Iterator<T>, AutoCloseable {

    private static final Object END = new Object();

    /** A failure of the source, raised to the caller in place of the element it stopped. */
    private record Failure(RuntimeException exception) {
    }

    private final BlockingQueue<Object> queue;
    private final Thread reader;
    private Object next;

    ReadAhead(Iterator<T> source, int depth, String threadName) {
        this.queue = new ArrayBlockingQueue<>(depth);
        this.reader = new Thread(() -> run(source), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void run(Iterator<T> source) {
        try {
            try {
                while (source.hasNext()) {
                    queue.put(source.next());
                }
                queue.put(END);
            } catch (RuntimeException e) {
                queue.put(new Failure(e));
            } catch (Error e) {
                queue.put(new Failure(new IllegalStateException("Reading the file failed: " + e, e)));
                throw e;
            }
        } catch (InterruptedException e) {
            // closed: the caller stopped early (the file failed, or the service stops)
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the file's next rows", e);
            }
        }
        if (next instanceof Failure failure) {
            throw failure.exception();
        }
        return next != END;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T element = (T) next;
        next = null;
        return element;
    }

    /** Stops the reader thread and waits (briefly) until it has let go of the source. */
    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
