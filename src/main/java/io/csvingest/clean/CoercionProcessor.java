package io.csvingest.clean;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** After a feed's row steps: coerces the batch's values, which the read-ahead cleaning left as the steps would see them. */
public class CoercionProcessor implements Processor {

    @Override
    public void process(Exchange exchange) {
        RowBatch batch = exchange.getIn().getBody(RowBatch.class);
        if (!batch.isCoerced()) {
            Coercer.of(exchange).coerce(batch);
        }
    }
}
