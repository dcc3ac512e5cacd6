package io.csvingest.load;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import io.csvingest.clean.RowBatch;
import io.csvingest.context.LoadContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * A file's array INSERTs, one batch ahead: a batch's INSERT (route {@code insert-arrays}, camel-sql) runs in its
 * savepoint beside the file's thread ({@link AsideThread}) while that thread cleans the next batch and builds its
 * arrays, as COPY stores one batch while the next is parsed. Not for a feed with row steps (they may run SQL on the
 * file's connection) nor for a table whose column types have no array form (its rows go one by one).
 */
public final class InsertPipeline {

    /** The INSERT stream of the file in flight; absent when it loads otherwise. */
    static final LoadContext.Part<InsertPipeline> PART = LoadContext.part("INSERT stream", "InsertPipeline.prepare");

    /** A batch whose INSERT was started: the batch, its rows, savepoint, the INSERT under way or its failure, when it started. */
    record Pending(RowBatch batch, int[] rows, Object savepoint, Future<Exception> insert, Exception failure, long started) {
    }

    private final AsideThread aside;
    private final ProducerTemplate template;
    private Pending pending;

    private InsertPipeline(AsideThread aside, ProducerTemplate template) {
        this.aside = aside;
        this.template = template;
    }

    /** Sets up the stream for a file that loads with array INSERTs, before its batches are split off. */
    public static void prepare(Exchange exchange, DataSource dataSource, ProducerTemplate template, ExecutorService helpers) {
        LoadContext context = LoadContext.of(exchange);
        if (CopyPipeline.of(exchange) == null && context.feed().rowSteps() == null && TablePlan.of(exchange).arraySql() != null) {
            context.set(PART, new InsertPipeline(new AsideThread(dataSource, helpers), template));
        }
    }

    static InsertPipeline of(Exchange exchange) {
        return LoadContext.of(exchange).find(PART).orElse(null);
    }

    /** The batch's rows as the plan's array INSERT (built on the file's thread while the INSERT before runs). */
    static InsertBatch arrays(Exchange exchange, RowBatch batch, int[] rows) {
        TablePlan plan = TablePlan.of(exchange);
        return new InsertBatch(plan.arraySql(), plan.columns().size(), ArrayParameters.of(batch, rows, 0, rows.length, plan));
    }

    /** Starts the batch's INSERT in a new savepoint beside this thread; the one before must have been taken. */
    void send(Exchange exchange, RowBatch batch, int[] rows, InsertBatch arrays) {
        long started = System.nanoTime();
        Object savepoint = FileTransaction.savepoint(exchange);
        Future<Exception> insert = aside.run(() -> template.send("direct:insert-arrays",
                statement -> statement.getIn().setBody(arrays)).getException());
        pending = new Pending(batch, rows, savepoint, insert, null, started);
    }

    /** Waits for the INSERT started last, then rolls back its savepoint if it failed, else releases it; null when none is pending. */
    Pending take(Exchange exchange) throws Exception {
        Pending sent = pending;
        if (sent == null) {
            return null;
        }
        pending = null;
        Exception failure = AsideThread.await(sent.insert());
        FileTransaction.endSavepoint(exchange, sent.savepoint(), failure);
        return new Pending(sent.batch(), sent.rows(), null, null, failure, sent.started());
    }

    /** Waits for the INSERT in flight, if any, so the file's transaction can roll back (the file failed elsewhere). */
    static void abandon(Exchange exchange) {
        InsertPipeline pipeline = of(exchange);
        if (pipeline != null && pipeline.pending != null) {
            AsideThread.drain(pipeline.pending.insert());
            pipeline.pending = null;
        }
    }
}
