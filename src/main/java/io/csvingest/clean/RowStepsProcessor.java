package io.csvingest.clean;

import java.util.ArrayList;
import java.util.List;

import io.csvingest.IngestException;
import io.csvingest.intake.Feed;
import io.csvingest.intake.FileLoad;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/** Runs each row through the feed's {@code rowSteps} route, columns as headers; a {@code stop} drops the row. */
public class RowStepsProcessor implements Processor {

    private volatile ProducerTemplate template;

    @Override
    public void process(Exchange exchange) {
        String rowSteps = Feed.of(exchange).rowSteps();
        if (rowSteps == null) {
            return;
        }
        List<String> columns = CleanedHeader.of(exchange).columns();
        @SuppressWarnings("unchecked")
        List<List<String>> rows = exchange.getIn().getBody(List.class);
        List<List<String>> kept = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            Exchange step = new DefaultExchange(exchange.getContext());
            for (int i = 0; i < columns.size(); i++) {
                step.getMessage().setHeader(columns.get(i), row.get(i));
            }
            template(exchange).send(rowSteps, step);
            if (step.getException() != null) {
                throw new IngestException("The feed's row steps (" + rowSteps + ") failed: " + step.getException(),
                        step.getException());
            }
            if (!step.isRouteStop()) {
                kept.add(valuesOf(step, columns));
            }
        }
        FileLoad.of(exchange).countFiltered(rows.size() - kept.size());
        exchange.getIn().setBody(kept);
    }

    private static List<String> valuesOf(Exchange step, List<String> columns) {
        List<String> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            Object value = step.getMessage().getHeader(column);
            values.add(value == null ? null : value.toString());
        }
        return values;
    }

    private ProducerTemplate template(Exchange exchange) {
        if (template == null) {
            template = exchange.getContext().createProducerTemplate();
        }
        return template;
    }
}
