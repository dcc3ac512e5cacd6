package io.csvingest.clean;

import java.util.ArrayList;
import java.util.List;

import io.csvingest.intake.Feed;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Puts every value of a batch into the canonical text of its target column's type; a row with a bad value is rejected. */
public class CoercionProcessor implements Processor {

    /** Exchange property holding the target column types of the file being loaded, in header order. */
    public static final String TYPES = "CsvIngestColumnTypes";

    @Override
    public void process(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<ColumnType> types = exchange.getProperty(TYPES, List.class);
        List<String> columns = CleanedHeader.of(exchange).columns();
        ValueFormats formats = Feed.of(exchange).formats();
        RowBatch batch = exchange.getIn().getBody(RowBatch.class);
        List<Row> kept = new ArrayList<>(batch.rows().size());
        for (Row row : batch.rows()) {
            if (coerce(row, types, formats, columns, batch)) {
                kept.add(row);
            }
        }
        batch.rows(kept);
    }

    private static boolean coerce(Row row, List<ColumnType> types, ValueFormats formats, List<String> columns,
                                  RowBatch batch) {
        String[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && types.get(i) != ColumnType.TEXT) {
                try {
                    values[i] = Coercion.coerce(types.get(i), values[i], formats);
                } catch (IllegalArgumentException e) {
                    batch.reject(row.source(), columns.get(i), "'" + values[i] + "' " + e.getMessage()
                                                               + " (column type " + types.get(i).sql() + ")");
                    return false;
                }
            }
        }
        return true;
    }
}
