package io.csvingest.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.csvingest.clean.Row;
import io.csvingest.clean.RowBatch;
import io.csvingest.intake.FileLoad;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * For upsert: keeps the last row of each key within a batch, since one INSERT ... ON CONFLICT cannot touch a row
 * twice. Keys compare in canonical form, so {@code 7} and {@code 007} in a bigint key are the same key.
 */
public class KeyDeduplication implements Processor {

    @Override
    public void process(Exchange exchange) {
        int[] keys = TablePlan.of(exchange).keyIndexes();
        if (keys.length == 0) {
            return;
        }
        RowBatch batch = exchange.getIn().getBody(RowBatch.class);
        Map<List<String>, Row> lastByKey = new LinkedHashMap<>(batch.rows().size() * 2);
        for (Row row : batch.rows()) {
            List<String> key = new ArrayList<>(keys.length);
            for (int index : keys) {
                key.add(row.values()[index]);
            }
            lastByKey.remove(key);
            lastByKey.put(key, row);
        }
        FileLoad.of(exchange).countDuplicates(batch.rows().size() - lastByKey.size());
        batch.rows(new ArrayList<>(lastByKey.values()));
    }
}
