package io.csvingest.clean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.csvingest.IngestException;
import io.csvingest.intake.Cleaning;
import io.csvingest.intake.Feed;
import io.csvingest.intake.FileLoad;
import io.csvingest.parse.CsvRow;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Cleans one batch of records into rows to insert, counting blank ones and refusing a wrong field count. */
public class CleaningProcessor implements Processor {

    @Override
    public void process(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<CsvRow> batch = exchange.getIn().getBody(List.class);
        int width = CleanedHeader.of(exchange).columns().size();
        List<List<String>> rows = new ArrayList<>(batch.size());
        Cleaning cleaning = Feed.of(exchange).cleaning();
        for (CsvRow row : batch) {
            String[] values = RowCleaner.clean(row.values(), cleaning);
            if (RowCleaner.isBlank(values)) {
                continue;
            }
            if (values.length != width) {
                throw new IngestException("Line " + row.line() + " has " + values.length + " fields but the header has "
                                          + width + " columns");
            }
            rows.add(Arrays.asList(values));
        }
        FileLoad.of(exchange).countRead(batch.size(), batch.size() - rows.size());
        exchange.getIn().setBody(rows);
    }
}
