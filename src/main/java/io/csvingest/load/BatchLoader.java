package io.csvingest.load;

import java.util.ArrayList;
import java.util.List;

import io.csvingest.IngestException;
import io.csvingest.clean.Reject;
import io.csvingest.clean.RowBatch;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import io.csvingest.metrics.PipelineMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Loads a batch inside a savepoint: with COPY ({@link CopyPipeline}, ended when the next batch arrives) or through
 * camel-sql, as the {@code insert-arrays} route's one INSERT of an array per column, else {@code insert-rows}'s row
 * each. When the database refuses a row, the batch is retried with INSERTs in halves down to the refused rows, which
 * are rejected with the database's reason; every other row still loads. Any other database failure fails the file.
 */
public class BatchLoader implements Processor {

    private final ProducerTemplate template;
    private final PipelineMetrics metrics;
    private final Widening widening;

    /** {@code template} sends INSERT attempts to the {@code insert-*} routes. */
    public BatchLoader(ProducerTemplate template, PipelineMetrics metrics) {
        this.template = template;
        this.metrics = metrics;
        this.widening = new Widening(template);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (exchange.getContext().getShutdownStrategy().isForceShutdown()) {
            // the shutdown timeout passed: give up the file; its transaction rolls back and it stays in the inbox
            throw new IngestException("The service is stopping and its shutdown timeout has passed");
        }
        RowBatch batch = exchange.getIn().getBody(RowBatch.class);
        CopyPipeline copy = CopyPipeline.of(exchange);
        InsertPipeline inserts = InsertPipeline.of(exchange);
        if (inserts != null) {
            exchange.getIn().setBody(insertAhead(exchange, inserts, batch));
            return;
        }
        if (copy == null) {
            widening.resolve(exchange, batch);
            insertBatch(exchange, batch);
            return;
        }
        // the previous batch's COPY ends now; the body becomes what ended here, whose rejects are recorded next
        RowBatch ended = RowBatch.rejectsOnly();
        settle(exchange, copy, copy.take(exchange), ended);
        // with no COPY open, a column may change its type for a value of this batch
        widening.resolve(exchange, batch);
        if (!copy.usable()) {
            insertBatch(exchange, batch);
            ended.rejects().addAll(batch.rejects());
        } else if (batch.liveCount() == 0) {
            ended.rejects().addAll(batch.rejects());
        } else {
            copy.send(exchange, batch);
            if (LoadContext.of(exchange).feed().rowSteps() != null) {
                // row steps may run SQL on the file's connection, which an open COPY would block: end it at once
                settle(exchange, copy, copy.take(exchange), ended);
            }
        }
        exchange.getIn().setBody(ended);
    }

    /** After the last batch: ends the COPY or INSERT still open; the body becomes that batch, for its rejects to be recorded. */
    public void finishFile(Exchange exchange) throws Exception {
        RowBatch ended = RowBatch.rejectsOnly();
        CopyPipeline copy = CopyPipeline.of(exchange);
        if (copy != null) {
            settle(exchange, copy, copy.take(exchange), ended);
        }
        InsertPipeline inserts = InsertPipeline.of(exchange);
        if (inserts != null) {
            settleInsert(exchange, inserts.take(exchange), ended);
        }
        exchange.getIn().setBody(ended);
    }

    /**
     * The batch's INSERT starts once the one before it ended, its arrays built meanwhile; returns what ended here (the
     * batch before), whose rejects are recorded next. A batch with values to widen waits for the one before first:
     * the ALTER needs the connection.
     */
    private RowBatch insertAhead(Exchange exchange, InsertPipeline inserts, RowBatch batch) throws Exception {
        RowBatch ended = RowBatch.rejectsOnly();
        if (batch.unfitValues() > 0) {
            settleInsert(exchange, inserts.take(exchange), ended);
            widening.resolve(exchange, batch);
        }
        int[] rows = batch.live();
        InsertBatch arrays = rows.length == 0 ? null : InsertPipeline.arrays(exchange, batch, rows);
        settleInsert(exchange, inserts.take(exchange), ended);
        if (arrays == null) {
            ended.rejects().addAll(batch.rejects());
        } else {
            inserts.send(exchange, batch, rows, arrays);
        }
        return ended;
    }

    /** Counts a batch whose INSERT ended; when the database refused one of its rows, finds which by halving. */
    private void settleInsert(Exchange exchange, InsertPipeline.Pending sent, RowBatch ended) throws Exception {
        if (sent == null) {
            return;
        }
        if (sent.failure() == null) {
            FileLoad.of(exchange).countLoaded(sent.rows().length);
        } else if (DatabaseRefusal.of(sent.failure()) != null) {
            checkNotAllRefused(exchange, sent.batch(), sent.rows(), insert(exchange, sent.batch(), sent.rows(), 0, sent.rows().length));
        } else {
            throw sent.failure();
        }
        FileLoad.of(exchange).countBatch();
        metrics.batch(System.nanoTime() - sent.started());
        ended.rejects().addAll(sent.batch().rejects());
    }

    private void insertBatch(Exchange exchange, RowBatch batch) throws Exception {
        long started = System.nanoTime();
        int[] rows = batch.live();
        if (rows.length > 0) {
            checkNotAllRefused(exchange, batch, rows, insert(exchange, batch, rows, 0, rows.length));
            FileLoad.of(exchange).countBatch();
        }
        metrics.batch(System.nanoTime() - started);
    }

    /**
     * Counts a batch whose COPY ended; when the database refused one of its rows, inserts them to find which (a
     * target COPY cannot fill gets this batch and the rest as INSERTs). Its rejects, cleaning's and the database's,
     * join {@code ended} in line order.
     */
    private void settle(Exchange exchange, CopyPipeline copy, CopyPipeline.Pending sent, RowBatch ended) throws Exception {
        if (sent == null) {
            return;
        }
        long started = System.nanoTime();
        Exception failure = sent.failure();
        if (failure == null) {
            FileLoad.of(exchange).countLoaded(sent.rows().length);
        } else if (DatabaseRefusal.of(failure) != null || copy.notCopyable(failure)) {
            checkNotAllRefused(exchange, sent.batch(), sent.rows(), insert(exchange, sent.batch(), sent.rows(), 0, sent.rows().length));
        } else {
            throw failure;
        }
        FileLoad.of(exchange).countBatch();
        metrics.batch(sent.nanos() + System.nanoTime() - started);
        ended.rejects().addAll(sent.batch().rejects());
    }

    /**
     * When every row of the file's first batch is refused one by one (nothing of the file loaded), the table, not the
     * data, is the likely problem (a NOT NULL column the file lacks, a foreign key to an empty table, a trigger that
     * refuses all): fail the file now rather than try every later row. A file of which nothing at all loads fails
     * anyway ({@code FileOutcome}); this only saves the time. A batch of one row is no evidence either way.
     */
    private static void checkNotAllRefused(Exchange exchange, RowBatch batch, int[] rows, int loaded) {
        if (loaded == 0 && rows.length > 1 && FileLoad.of(exchange).loaded() == 0) {
            Reject first = batch.rejects().get(batch.rejects().size() - rows.length);
            throw new IngestException("The database refused every row of the file's first batch of " + rows.length
                                      + " (lines " + batch.line(rows[0]) + "-" + batch.line(rows[rows.length - 1])
                                      + "), so the table rather than the data is the likely problem; nothing of the file"
                                      + " was loaded. Line " + first.line() + ": " + first.reason());
        }
    }

    /** Inserts rows {@code [from, to)} of {@code rows}, halving around refused ones (rejected into the batch); returns how many went in. */
    private int insert(Exchange exchange, RowBatch batch, int[] rows, int from, int to) throws Exception {
        int stored = Halving.store(from, to,
                (first, end) -> FileTransaction.inSavepoint(exchange, () -> send(exchange, batch, rows, first, end)),
                (position, refusal) -> batch.reject(rows[position], refusal.column(), refusal.reason()));
        FileLoad.of(exchange).countLoaded(stored);
        return stored;
    }

    /** The exception of the attempt, or null when the rows are in: one array per column if the plan can, else a list per row. */
    private Exception send(Exchange exchange, RowBatch batch, int[] rows, int from, int to) {
        TablePlan plan = TablePlan.of(exchange);
        int columns = plan.columns().size();
        if (plan.arraySql() != null) {
            InsertBatch arrays = new InsertBatch(plan.arraySql(), columns, ArrayParameters.of(batch, rows, from, to, plan));
            return template.send("direct:insert-arrays", insert -> insert.getIn().setBody(arrays))
                    .getException();
        }
        List<List<String>> parameters = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            List<String> values = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                int field = plan.field(c);
                values.add(field < 0 ? plan.lineage().value(field, batch, rows[i]) : batch.value(rows[i], field));
            }
            parameters.add(values);
        }
        InsertBatch rowsOfBatch = new InsertBatch(plan.insertSql(), columns, parameters);
        return template.send("direct:insert-rows", insert -> insert.getIn().setBody(rowsOfBatch))
                .getException();
    }
}
