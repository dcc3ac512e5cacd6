package io.csvingest.load;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import org.apache.camel.ProducerTemplate;
import org.postgresql.copy.CopyIn;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An upsert batch's merge, off the file's thread: once the batch is sent into the staging table, ending that COPY,
 * merging the stage into the target and emptying it (camel-sql, route {@code stage-sql}) run on a helper thread that
 * joins the file's transaction, while the file's thread cleans the next batch. PostgreSQL then merges while Java
 * cleans, as it stores one COPY while Java parses the next. The file's thread uses the connection again only after
 * {@link #await}: one statement at a time on it, as JDBC wants.
 */
final class StageMerge {

    private final DataSource dataSource;
    private final ProducerTemplate template;
    private final ExecutorService executor;

    /** {@code executor}: the helper threads (one merge in flight per file loading). */
    StageMerge(DataSource dataSource, ProducerTemplate template, ExecutorService executor) {
        this.dataSource = dataSource;
        this.template = template;
        this.executor = executor;
    }

    /** Ends {@code copy} and merges the stage on a helper thread, in the file's transaction; its failure, or null, comes with {@link #await}. */
    Future<Exception> start(CopyIn copy, TablePlan.Stage stage) {
        Object transaction = TransactionSynchronizationManager.getResource(dataSource);
        return executor.submit(() -> {
            // the file's connection, for camel-sql on this thread, while the file's thread keeps off it
            TransactionSynchronizationManager.bindResource(dataSource, transaction);
            try {
                return run(copy, stage);
            } finally {
                TransactionSynchronizationManager.unbindResource(dataSource);
            }
        });
    }

    /** Waits for the merge; its failure, or null. */
    static Exception await(Future<Exception> merge) throws InterruptedException {
        try {
            return merge.get();
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /** Waits for a merge the file gave up on, so the transaction can roll back; its outcome no longer matters. */
    static void drain(Future<Exception> merge) {
        try {
            merge.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the file failed anyway
        }
    }

    private Exception run(CopyIn copy, TablePlan.Stage stage) {
        try {
            copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            CopyPipeline.cancel(copy, e);
            return e;
        }
        Exception failure = stageSql(stage.merge());
        return failure != null ? failure : stageSql(stage.clear());
    }

    /** Runs a statement of the stage through camel-sql on the file's connection; its failure, or null. */
    private Exception stageSql(String sql) {
        return template.send("direct:stage-sql", statement -> statement.getIn().setBody(sql)).getException();
    }
}
