package io.csvingest.clean;

import java.util.Collections;
import java.util.List;

import io.csvingest.context.LoadContext;
import io.csvingest.feed.ColumnType;
import io.csvingest.feed.Feed;
import io.csvingest.feed.ValueFormats;
import org.apache.camel.Exchange;

/**
 * Puts every value of a batch into the canonical text of its target column's type (an empty string, a quoted {@code
 * ""}, is NULL in a column that is not text); a row with a bad value is rejected.
 */
public final class Coercer {

    /** The target column types of the file being loaded, in header order (none for a header without rows or table). */
    public static final LoadContext.Part<List<ColumnType>> TYPES = LoadContext.part("column types", "TablePlanner");

    private final ColumnType[] types;
    private final List<String> columns;
    private final ValueFormats formats;
    private final CharRange range = new CharRange();

    Coercer(List<ColumnType> types, List<String> columns, ValueFormats formats) {
        this.types = types.toArray(ColumnType[]::new);
        this.columns = columns;
        this.formats = formats;
    }

    /** For the file in flight: the types its table planning chose. */
    public static Coercer of(Exchange exchange) {
        List<String> columns = CleanedHeader.of(exchange).columns();
        // a header without rows and without a table: no types were chosen, and there is nothing to coerce
        List<ColumnType> types = LoadContext.of(exchange).find(TYPES)
                .orElse(Collections.nCopies(columns.size(), ColumnType.TEXT));
        return new Coercer(types, columns, LoadContext.of(exchange).feed().formats());
    }

    public void coerce(RowBatch batch) {
        for (int r = 0; r < batch.size(); r++) {
            if (batch.live(r)) {
                coerce(batch, r);
            }
        }
        batch.coerced();
    }

    private void coerce(RowBatch batch, int r) {
        for (int column = 0; column < types.length; column++) {
            if (types[column] == ColumnType.TEXT) {
                continue;
            }
            CharSequence value = batch.chars(r, column, range);
            if (value == null) {
                continue;
            }
            if (value.length() == 0) {
                batch.set(r, column, null);
                continue;
            }
            try {
                CharSequence canonical = Coercion.canonical(types[column], value, formats);
                if (canonical != value) {
                    batch.set(r, column, canonical.toString());
                }
            } catch (IllegalArgumentException e) {
                batch.reject(r, columns.get(column), "'" + value + "' " + e.getMessage()
                                                     + " (column type " + types[column].sql() + ")");
                return;
            }
        }
    }
}
