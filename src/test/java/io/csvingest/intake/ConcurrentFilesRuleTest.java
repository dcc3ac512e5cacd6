package io.csvingest.intake;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which thread loads a file: a free worker for a small one, the poll's own for a big one or when all are busy. */
class ConcurrentFilesRuleTest {

    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new SynchronousQueue<>());
    private final DefaultCamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() throws Exception {
        workers.shutdownNow();
        context.close();
    }

    @Test
    void should_hand_a_small_file_to_a_free_worker_and_load_a_big_one_on_the_poll_thread() throws Exception {
        assertNotEquals(Thread.currentThread(), loadedOn(1024));
        assertEquals(Thread.currentThread(), loadedOn(ConcurrentFiles.SMALL_FILE_BYTES + 1));
    }

    @Test
    void should_load_a_small_file_on_the_poll_thread_when_every_worker_is_busy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        workers.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertEquals(Thread.currentThread(), loadedOn(1024));
        } finally {
            release.countDown();
        }
    }

    /** The thread that loaded a file of {@code size} bytes. */
    private Thread loadedOn(long size) throws Exception {
        AtomicReference<Thread> loader = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        ConcurrentFiles files = new ConcurrentFiles(new DelegateAsyncProcessor(exchange -> loader.set(Thread.currentThread())), workers);
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setHeader(Exchange.FILE_LENGTH, size);
        AsyncCallback callback = doneSync -> done.countDown();
        files.process(exchange, callback);
        assertTrue(done.await(10, TimeUnit.SECONDS));
        return loader.get();
    }
}
