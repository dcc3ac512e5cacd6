package io.csvingest.intake;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/**
 * Loads up to {@code concurrentFiles} of an append feed's small files at once: a file the feed's poll takes is handed
 * to a free worker, and the poll goes on to claim the next; when every worker is busy, the poll's own thread loads it
 * (so no file ever waits in a queue, holding its claim). A file over {@link #SMALL_FILE_BYTES} always loads on the
 * poll's thread: big files of a feed load one at a time, so their memory (a few batches each) is not multiplied.
 * Each file keeps its own transaction, on the thread that loads it; its move to the outbox follows its commit.
 */
final class ConcurrentFiles extends DelegateAsyncProcessor {

    /** Files up to this size may load beside others. */
    static final long SMALL_FILE_BYTES = 8L * 1024 * 1024;

    private final ExecutorService workers;

    /** {@code workers}: a pool without a queue (a busy pool refuses), one thread fewer than the files loading at once. */
    ConcurrentFiles(AsyncProcessor loadFile, ExecutorService workers) {
        super(loadFile);
        this.workers = workers;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Long size = exchange.getIn().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (size == null || size > SMALL_FILE_BYTES) {
            return processor.process(exchange, callback);
        }
        try {
            workers.execute(() -> processor.process(exchange, doneSync -> callback.done(false)));
            return false;
        } catch (RejectedExecutionException busy) {
            return processor.process(exchange, callback); // every worker is loading a file: this thread loads this one
        }
    }
}
