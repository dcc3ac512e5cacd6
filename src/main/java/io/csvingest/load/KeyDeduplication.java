package io.csvingest.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.csvingest.clean.RowBatch;
import io.csvingest.context.FileLoad;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * For upsert: keeps the last row of each key within a batch, since one INSERT ... ON CONFLICT cannot touch a row
 * twice. Keys compare in canonical form, so {@code 7} and {@code 007} in a bigint key are the same key. A row with a
 * NULL key is no row's duplicate (NULLs are distinct): the database takes it, or refuses it with its reason.
 */
public class KeyDeduplication implements Processor {

    @Override
    public void process(Exchange exchange) {
        int[] keys = TablePlan.of(exchange).keyIndexes();
        if (keys.length == 0) {
            return;
        }
        RowBatch batch = exchange.getIn().getBody(RowBatch.class);
        Map<List<String>, Integer> lastByKey = new HashMap<>(batch.size() * 2);
        int superseded = 0;
        rows:
        for (int r : batch.live()) {
            List<String> key = new ArrayList<>(keys.length);
            for (int index : keys) {
                String value = batch.value(r, index);
                if (value == null) {
                    continue rows;
                }
                key.add(value);
            }
            Integer earlier = lastByKey.put(key, r);
            if (earlier != null) {
                batch.drop(earlier);
                superseded++;
            }
        }
        FileLoad.of(exchange).countDuplicates(superseded);
    }
}
