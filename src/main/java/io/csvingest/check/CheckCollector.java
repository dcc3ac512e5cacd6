package io.csvingest.check;

import io.csvingest.clean.CleanedHeader;
import io.csvingest.clean.RowBatch;
import io.csvingest.context.FileLoad;
import io.csvingest.load.Widening;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * A dry run's last step for each batch, where a load would store it: the widening the load would make (as statements
 * only), then the rows that would load, the rejects and a few sample values per column, counted into the check.
 */
public final class CheckCollector implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        FileCheck check = FileCheck.of(exchange);
        RowBatch batch = exchange.getIn().getBody(RowBatch.class);
        Widening.dryRun(check.ddl()).resolve(exchange, batch);
        int[] live = batch.live();
        int columns = CleanedHeader.of(exchange).columns().size();
        for (int i = 0; i < Math.min(live.length, 1000); i++) {
            for (int c = 0; c < columns; c++) {
                check.sample(c, batch.value(live[i], c));
            }
        }
        check.count(live.length, batch.rejects());
        FileLoad.of(exchange).countLoaded(live.length);
        FileLoad.of(exchange).countRejected(batch.rejects().size());
    }
}
