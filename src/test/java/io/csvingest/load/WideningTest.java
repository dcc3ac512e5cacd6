package io.csvingest.load;

import io.csvingest.feed.ColumnType;
import io.csvingest.feed.ValueFormats;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which type a column widens to for a value that does not fit it: the narrowest that keeps what the value says. */
class WideningTest {

    private static ColumnType widened(ColumnType from, String value) {
        return Widening.narrowestFitting(from, value, ValueFormats.DEFAULT);
    }

    @Test
    void should_widen_numbers_to_numeric_and_anything_else_to_text() {
        assertEquals(ColumnType.NUMERIC, widened(ColumnType.BIGINT, "1.5"));
        assertEquals(ColumnType.NUMERIC, widened(ColumnType.BIGINT, "99999999999999999999"), "past bigint's range");
        assertEquals(ColumnType.TEXT, widened(ColumnType.BIGINT, "abc"), "straight to text, no numeric on the way");
        assertEquals(ColumnType.TEXT, widened(ColumnType.NUMERIC, "12 kg"));
        assertEquals(ColumnType.TEXT, widened(ColumnType.BOOLEAN, "maybe"));
        assertEquals(ColumnType.TEXT, widened(ColumnType.DOUBLE, "n.a."));
    }

    @Test
    void should_widen_dates_to_timestamps_and_keep_an_offset_the_value_has() {
        assertEquals(ColumnType.TIMESTAMP, widened(ColumnType.DATE, "2026-12-03 10:15"));
        assertEquals(ColumnType.TIMESTAMPTZ, widened(ColumnType.DATE, "2026-12-03T10:15:00+02:00"), "a timestamp would drop the offset");
        assertEquals(ColumnType.TIMESTAMPTZ, widened(ColumnType.TIMESTAMP, "2026-12-03 10:15Z"));
        assertEquals(ColumnType.TEXT, widened(ColumnType.DATE, "soon"));
    }

    @Test
    void should_fit_a_value_only_where_it_keeps_what_it_says() {
        assertEquals("2026-12-03T10:15", Widening.fit(ColumnType.TIMESTAMP, "2026-12-03 10:15", ValueFormats.DEFAULT));
        assertNull(Widening.fit(ColumnType.TIMESTAMP, "2026-12-03 10:15+02", ValueFormats.DEFAULT));
        assertNull(Widening.fit(ColumnType.BIGINT, "1.5", ValueFormats.DEFAULT));
    }
}
