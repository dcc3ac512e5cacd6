package io.csvingest.clean;

import io.csvingest.feed.ColumnType;
import io.csvingest.feed.ValueFormats;
import org.junit.jupiter.api.Test;

import static io.csvingest.feed.ColumnType.BIGINT;
import static io.csvingest.feed.ColumnType.BOOLEAN;
import static io.csvingest.feed.ColumnType.DATE;
import static io.csvingest.feed.ColumnType.DOUBLE;
import static io.csvingest.feed.ColumnType.NUMERIC;
import static io.csvingest.feed.ColumnType.TIMESTAMP;
import static io.csvingest.feed.ColumnType.TIMESTAMPTZ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values into the canonical text of their column type, with the feed's formats, or a reason why not. */
class CoercionTest {

    private static final ValueFormats DEFAULT = ValueFormats.DEFAULT;

    @Test
    void should_read_every_boolean_spelling() {
        for (String yes : new String[] {"true", "TRUE", "t", "yes", "Y", "1", "on"}) {
            assertEquals("true", Coercion.coerce(BOOLEAN, yes, DEFAULT), yes);
        }
        for (String no : new String[] {"false", "F", "no", "n", "0", "off"}) {
            assertEquals("false", Coercion.coerce(BOOLEAN, no, DEFAULT), no);
        }
        assertRefused(BOOLEAN, "maybe", DEFAULT, "not a boolean");
    }

    @Test
    void should_read_integers_and_refuse_fractions_words_and_overflow() {
        assertEquals("42", Coercion.coerce(BIGINT, "+042", DEFAULT));
        assertEquals("-7", Coercion.coerce(BIGINT, "-7", DEFAULT));
        assertRefused(BIGINT, "1.5", DEFAULT, "not a whole number");
        assertRefused(BIGINT, "1,234", DEFAULT, "not a whole number");
        assertRefused(BIGINT, "9223372036854775808", DEFAULT, "out of range");
        assertEquals("1234", Coercion.coerce(BIGINT, "1,234", DEFAULT.withThousandsSeparator(",")));
    }

    @Test
    void should_read_grouped_decimals_only_where_the_feed_says_so() {
        assertEquals("1234.50", Coercion.coerce(NUMERIC, "1234.50", DEFAULT));
        assertRefused(NUMERIC, "1,234.50", DEFAULT, "not a decimal number");
        assertEquals("1234.50", Coercion.coerce(NUMERIC, "1,234.50", DEFAULT.withThousandsSeparator(",")));
        ValueFormats european = DEFAULT.withDecimalSeparator(",").withThousandsSeparator(".");
        assertEquals("1234567.5", Coercion.coerce(NUMERIC, "1.234.567,5", european));
        assertRefused(NUMERIC, "12.3.4", DEFAULT, "not a decimal number");
        assertEquals("1.5e3", Coercion.coerce(DOUBLE, "1.5e3", DEFAULT));
        assertEquals(".5", Coercion.coerce(NUMERIC, ".5", DEFAULT));
        assertRefused(NUMERIC, "1e", DEFAULT, "not a decimal number");
        assertRefused(NUMERIC, "-", DEFAULT, "not a decimal number");
        assertEquals("NaN", Coercion.coerce(DOUBLE, "NaN", DEFAULT));
        assertRefused(DOUBLE, "0x1p3", DEFAULT, "not a number");
    }

    @Test
    void should_read_iso_and_configured_dates_strictly() {
        assertEquals("2026-11-22", Coercion.coerce(DATE, "2026-11-22", DEFAULT));
        assertRefused(DATE, "2026-02-30", DEFAULT, "set the feed's dateFormat");
        ValueFormats french = DEFAULT.withDateFormat("dd/MM/yyyy").withTimestampFormat("dd/MM/yyyy HH:mm");
        assertEquals("2026-11-22", Coercion.coerce(DATE, "22/11/2026", french));
        assertRefused(DATE, "31/02/2026", french, "not a date");
        assertEquals("2026-11-22T10:30", Coercion.coerce(TIMESTAMP, "2026-11-22 10:30", DEFAULT));
        assertEquals("2026-11-22T10:30", Coercion.coerce(TIMESTAMP, "22/11/2026 10:30", french));
        assertEquals("2026-11-22T10:30+02:00", Coercion.coerce(TIMESTAMPTZ, "2026-11-22 10:30+02", DEFAULT));
        assertEquals("2026-11-22T10:30", Coercion.coerce(TIMESTAMPTZ, "22/11/2026 10:30", french));
        assertRefused(TIMESTAMP, "yesterday", DEFAULT, "not a timestamp");
    }

    @Test
    void should_read_what_postgresql_reads_for_its_types() {
        assertEquals("5", Coercion.coerce(BIGINT, " 5 ", DEFAULT));
        assertEquals("NaN", Coercion.coerce(NUMERIC, "NaN", DEFAULT));
        assertEquals("2026-11-22", Coercion.coerce(TIMESTAMPTZ, "2026-11-22", DEFAULT));
        assertEquals("2026-11-22T10:00", Coercion.coerce(TIMESTAMP, "2026-11-22 10:00:00+02", DEFAULT));
        assertEquals("2026-11-22T00:00", Coercion.coerce(TIMESTAMP, "2026-11-22", DEFAULT));
        assertRefused(TIMESTAMPTZ, "2026-02-30", DEFAULT, "no such date");
        assertRefused(NUMERIC, "1,2,3", DEFAULT.withThousandsSeparator(","), "not a decimal number");
    }

    @Test
    void should_read_patterns_with_quoted_literals() {
        ValueFormats compact = DEFAULT.withTimestampFormat("yyyyMMdd'T'HHmmss").withDateFormat("dd 'de' MM yyyy");
        assertEquals("2026-11-22T10:30", Coercion.coerce(TIMESTAMP, "20261122T103000", compact));
        assertEquals("2026-11-22", Coercion.coerce(DATE, "22 de 11 2026", compact));
    }

    @Test
    void should_refuse_a_date_pattern_that_is_not_one() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DEFAULT.withDateFormat("dd/bb"));
        assertTrue(e.getMessage().contains("dateFormat 'dd/bb'"), e.getMessage());
    }

    private static void assertRefused(ColumnType type, String value, ValueFormats formats, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Coercion.coerce(type, value, formats));
        assertTrue(e.getMessage().contains(reason), value + ": " + e.getMessage());
    }
}
