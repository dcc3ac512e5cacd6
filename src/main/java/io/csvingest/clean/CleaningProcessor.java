package io.csvingest.clean;

import java.util.ArrayList;
import java.util.List;

import io.csvingest.intake.Cleaning;
import io.csvingest.intake.Feed;
import io.csvingest.intake.FileLoad;
import io.csvingest.parse.CsvRow;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Turns a batch of records into a {@link RowBatch}: values trimmed and NULL tokens read as NULL, blank records and
 * exact duplicates counted and dropped, records with the wrong number of fields rejected.
 */
public class CleaningProcessor implements Processor {

    /** Sets up what the file's batches share before they are split off: the fingerprints of the rows seen. */
    public static void prepare(Exchange exchange) {
        if (Feed.of(exchange).cleaning().dropDuplicates()) {
            exchange.setProperty(DuplicateRows.PROPERTY, new DuplicateRows());
        }
    }

    @Override
    public void process(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<CsvRow> records = exchange.getIn().getBody(List.class);
        int width = CleanedHeader.of(exchange).columns().size();
        Cleaning cleaning = Feed.of(exchange).cleaning();
        DuplicateRows seen = exchange.getProperty(DuplicateRows.PROPERTY, DuplicateRows.class);
        FileLoad load = FileLoad.of(exchange);
        List<Row> rows = new ArrayList<>(records.size());
        RowBatch batch = new RowBatch(rows);
        int blank = 0;
        int duplicates = 0;
        int longestNull = RowCleaner.longestNullValue(cleaning);
        for (CsvRow record : records) {
            // in place: the record's original text is kept apart, in its raw form
            String[] values = RowCleaner.clean(record.values(), cleaning, longestNull);
            if (RowCleaner.isBlank(values)) {
                blank++;
            } else if (values.length != width) {
                batch.reject(record, "", "has " + values.length + " fields but the header has " + width
                                         + " columns (a delimiter inside a value needs quotes)");
            } else if (seen != null && seen.isDuplicate(values)) {
                duplicates++;
            } else {
                rows.add(new Row(record, values));
            }
        }
        load.countRead(records.size(), blank);
        load.countDuplicates(duplicates);
        exchange.getIn().setBody(batch);
    }
}
