package io.csvingest.clean;

import java.util.List;

import io.csvingest.context.LoadContext;
import io.csvingest.feed.ColumnType;
import io.csvingest.feed.ValueFormats;
import org.apache.camel.Exchange;

/**
 * Puts every value of a batch into the canonical text of its target column's type (an empty string, a quoted {@code
 * ""}, is NULL in a column that is not text); a row with a bad value is rejected, unless its column may widen: then
 * the value is marked unfit, for the loader to widen the column before the batch loads.
 */
public final class Coercer {

    /** The target column types of the file being loaded, in header order (none for a header without rows or table). */
    public static final LoadContext.Part<ColumnTypes> TYPES = LoadContext.part("column types", "TablePlanner");

    private final ColumnTypes types;
    private final List<String> columns;
    private final ValueFormats formats;
    private final CharRange range = new CharRange();

    Coercer(ColumnTypes types, List<String> columns, ValueFormats formats) {
        this.types = types;
        this.columns = columns;
        this.formats = formats;
    }

    /** For the file in flight: the types its table planning chose. */
    public static Coercer of(Exchange exchange) {
        List<String> columns = CleanedHeader.of(exchange).columns();
        // a header without rows and without a table: no types were chosen, and there is nothing to coerce
        ColumnTypes types = LoadContext.of(exchange).find(TYPES).orElse(ColumnTypes.text(columns.size()));
        return new Coercer(types, columns, LoadContext.of(exchange).feed().formats());
    }

    public void coerce(RowBatch batch) {
        ColumnType[] now = types.current();
        for (int r = 0; r < batch.size(); r++) {
            if (batch.live(r)) {
                coerce(batch, r, now);
            }
        }
        batch.coerced();
    }

    private void coerce(RowBatch batch, int r, ColumnType[] now) {
        for (int column = 0; column < now.length; column++) {
            if (now[column] == ColumnType.TEXT) {
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
                CharSequence canonical = Coercion.canonical(now[column], value, formats);
                if (canonical != value) {
                    batch.set(r, column, canonical.toString());
                }
            } catch (IllegalArgumentException e) {
                if (types.widenable(column)) {
                    batch.unfit(r, column);
                } else {
                    batch.reject(r, columns.get(column), reason(value, e, now[column]));
                    return;
                }
            }
        }
    }

    /** Why a value does not fit: {@code 'abc' is not a whole number (column type bigint)}. */
    public static String reason(CharSequence value, IllegalArgumentException e, ColumnType type) {
        return "'" + value + "' " + e.getMessage() + " (column type " + type.sql() + ")";
    }
}
