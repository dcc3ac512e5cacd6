package io.csvingest.load;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A statement of the file's transaction run beside the file's thread: on a helper thread that joins the transaction
 * (the file's connection bound to it for camel-sql), while the file's thread prepares the next batch. The file's
 * thread uses the connection again only after {@link #await}: one statement at a time on it, as JDBC wants.
 */
final class AsideThread {

    private final DataSource dataSource;
    private final ExecutorService executor;

    AsideThread(DataSource dataSource, ExecutorService executor) {
        this.dataSource = dataSource;
        this.executor = executor;
    }

    /** Starts {@code work} (which returns its failure, or null) on a helper thread, in the file's transaction. */
    Future<Exception> run(Supplier<Exception> work) {
        Object transaction = TransactionSynchronizationManager.getResource(dataSource);
        return executor.submit(() -> {
            // the file's connection, for camel-sql on this thread, while the file's thread keeps off it
            TransactionSynchronizationManager.bindResource(dataSource, transaction);
            try {
                return work.get();
            } finally {
                TransactionSynchronizationManager.unbindResource(dataSource);
            }
        });
    }

    /** Waits for the work; its failure, or null. */
    static Exception await(Future<Exception> work) throws InterruptedException {
        try {
            return work.get();
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /** Waits for work the file gave up on, so the transaction can roll back; its outcome no longer matters. */
    static void drain(Future<Exception> work) {
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the file failed anyway
        }
    }
}
