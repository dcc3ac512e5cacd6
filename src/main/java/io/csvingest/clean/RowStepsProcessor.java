package io.csvingest.clean;

import java.util.List;

import io.csvingest.IngestException;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/** Runs each row through the feed's {@code rowSteps} route, columns as headers; a {@code stop} drops the row. */
public class RowStepsProcessor implements Processor {

    private ProducerTemplate template;

    @Override
    public void process(Exchange exchange) {
        String rowSteps = LoadContext.of(exchange).feed().rowSteps();
        if (rowSteps == null) {
            return;
        }
        List<String> columns = CleanedHeader.of(exchange).columns();
        RowBatch batch = exchange.getIn().getBody(RowBatch.class);
        int filtered = 0;
        for (int r : batch.live()) {
            Exchange step = new DefaultExchange(exchange.getContext());
            for (int i = 0; i < columns.size(); i++) {
                step.getMessage().setHeader(columns.get(i), batch.value(r, i));
            }
            template(exchange).send(rowSteps, step);
            if (step.getException() != null) {
                throw new IngestException("The feed's row steps (" + rowSteps + ") failed: " + step.getException(),
                        step.getException());
            }
            if (step.isRouteStop()) {
                batch.drop(r);
                filtered++;
            } else {
                String[] values = valuesOf(step, columns);
                for (int i = 0; i < values.length; i++) {
                    batch.set(r, i, values[i]);
                }
            }
        }
        FileLoad.of(exchange).countFiltered(filtered);
    }

    private static String[] valuesOf(Exchange step, List<String> columns) {
        String[] values = new String[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = step.getMessage().getHeader(columns.get(i));
            values[i] = value == null ? null : value.toString();
        }
        return values;
    }

    private synchronized ProducerTemplate template(Exchange exchange) {
        if (template == null) {
            template = exchange.getContext().createProducerTemplate();
        }
        return template;
    }
}
