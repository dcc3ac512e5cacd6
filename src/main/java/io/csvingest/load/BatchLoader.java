package io.csvingest.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.csvingest.IngestException;
import io.csvingest.clean.Reject;
import io.csvingest.clean.Row;
import io.csvingest.clean.RowBatch;
import io.csvingest.intake.FileLoad;
import io.csvingest.ops.PipelineMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * Inserts a batch through the {@code insert-rows} route (camel-sql) inside a savepoint. When the database refuses
 * a row of it, the batch is retried in halves down to the refused rows, which are rejected with the database's
 * reason; every other row of the batch still loads. Any other database failure fails the file.
 */
public class BatchLoader implements Processor {

    private ProducerTemplate template;

    @Override
    public void process(Exchange exchange) throws Exception {
        if (exchange.getContext().getShutdownStrategy().isForceShutdown()) {
            // the shutdown timeout passed: give up the file; its transaction rolls back and it stays in the inbox
            throw new IngestException("The service is stopping and its shutdown timeout has passed");
        }
        RowBatch batch = exchange.getIn().getBody(RowBatch.class);
        List<Row> rows = batch.rows();
        long started = System.nanoTime();
        if (!rows.isEmpty() && insert(exchange, batch, rows) == 0 && rows.size() > 1) {
            // every row refused: the table, not the data, is the likely problem (a NOT NULL column the file lacks,
            // a foreign key to an empty table...): fail the file rather than "load" it with nothing in
            Reject first = batch.rejects().get(batch.rejects().size() - rows.size());
            throw new IngestException("The database refused every row of a batch of " + rows.size() + " (lines "
                                      + rows.get(0).source().line() + "-" + rows.get(rows.size() - 1).source().line()
                                      + "), so the table rather than the data is the likely problem; nothing of the"
                                      + " file was loaded. Line " + first.line() + ": " + first.reason());
        }
        FileLoad.of(exchange).countBatch();
        PipelineMetrics.batch(exchange.getContext(), System.nanoTime() - started);
    }

    /** Inserts the rows, halving around refused ones (rejected into the batch); returns how many went in. */
    private int insert(Exchange exchange, RowBatch batch, List<Row> rows) throws Exception {
        Exception failure = FileTransaction.inSavepoint(exchange, () -> send(exchange, rows));
        if (failure == null) {
            FileLoad.of(exchange).countLoaded(rows.size());
            return rows.size();
        }
        DatabaseRefusal refusal = DatabaseRefusal.of(failure);
        if (refusal == null) {
            throw failure;
        }
        if (rows.size() == 1) {
            batch.reject(rows.get(0).source(), refusal.column(), refusal.reason());
            return 0;
        }
        int half = rows.size() / 2;
        return insert(exchange, batch, rows.subList(0, half)) + insert(exchange, batch, rows.subList(half, rows.size()));
    }

    /** The exception of the attempt, or null when the rows are in. */
    private Exception send(Exchange exchange, List<Row> rows) {
        List<List<String>> parameters = new ArrayList<>(rows.size());
        for (Row row : rows) {
            parameters.add(Arrays.asList(row.values()));
        }
        Exchange insert = new DefaultExchange(exchange.getContext());
        insert.setProperty(TablePlan.INSERT_SQL, exchange.getProperty(TablePlan.INSERT_SQL));
        insert.setProperty(TablePlan.PARAMETERS, exchange.getProperty(TablePlan.PARAMETERS));
        insert.getIn().setBody(parameters);
        return template(exchange).send("direct:insert-rows", insert).getException();
    }

    private synchronized ProducerTemplate template(Exchange exchange) {
        if (template == null) {
            template = exchange.getContext().createProducerTemplate();
        }
        return template;
    }
}
