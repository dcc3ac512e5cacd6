package io.csvingest.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.csvingest.clean.Row;
import io.csvingest.clean.RowBatch;
import io.csvingest.intake.FileLoad;
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

    private volatile ProducerTemplate template;

    @Override
    public void process(Exchange exchange) throws Exception {
        RowBatch batch = exchange.getIn().getBody(RowBatch.class);
        if (!batch.rows().isEmpty()) {
            insert(exchange, batch, batch.rows());
        }
        FileLoad.of(exchange).countBatch();
    }

    private void insert(Exchange exchange, RowBatch batch, List<Row> rows) throws Exception {
        Exception[] failure = new Exception[1];
        boolean inserted = FileTransaction.inSavepoint(exchange, () -> {
            failure[0] = send(exchange, rows);
            return failure[0] == null;
        });
        if (inserted) {
            FileLoad.of(exchange).countLoaded(rows.size());
            return;
        }
        DatabaseRefusal refusal = DatabaseRefusal.of(failure[0]);
        if (refusal == null) {
            throw failure[0];
        }
        if (rows.size() == 1) {
            batch.reject(rows.get(0).source(), refusal.column(), refusal.reason());
            return;
        }
        int half = rows.size() / 2;
        insert(exchange, batch, rows.subList(0, half));
        insert(exchange, batch, rows.subList(half, rows.size()));
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

    private ProducerTemplate template(Exchange exchange) {
        if (template == null) {
            template = exchange.getContext().createProducerTemplate();
        }
        return template;
    }
}
