package io.csvingest.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.csvingest.intake.FileLoad;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** For upsert: keeps the last row of each key within a batch, since one INSERT ... ON CONFLICT cannot touch a row twice. */
public class KeyDeduplication implements Processor {

    @Override
    public void process(Exchange exchange) {
        int[] keys = TablePlan.of(exchange).keyIndexes();
        if (keys.length == 0) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<List<String>> rows = exchange.getIn().getBody(List.class);
        Map<List<String>, List<String>> lastByKey = new LinkedHashMap<>(rows.size() * 2);
        for (List<String> row : rows) {
            List<String> key = new ArrayList<>(keys.length);
            for (int index : keys) {
                key.add(row.get(index));
            }
            lastByKey.remove(key);
            lastByKey.put(key, row);
        }
        FileLoad.of(exchange).countDuplicates(rows.size() - lastByKey.size());
        exchange.getIn().setBody(new ArrayList<>(lastByKey.values()));
    }
}
