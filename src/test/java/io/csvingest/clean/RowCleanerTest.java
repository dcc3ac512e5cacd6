package io.csvingest.clean;

import io.csvingest.intake.Cleaning;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trimming, NULLs and blank records. */
class RowCleanerTest {

    @Test
    void should_trim_values_and_read_empty_ones_as_null() {
        assertArrayEquals(new String[] {"a", null, "b c", null},
                RowCleaner.clean(new String[] {" a ", "", "b c\t", "   "}, Cleaning.DEFAULT));
    }

    @Test
    void should_read_the_feeds_null_tokens_as_null_and_keep_spaces_when_trim_is_off() {
        Cleaning cleaning = Cleaning.DEFAULT.withNullValues("NULL, N/A").withTrim(false);
        assertArrayEquals(new String[] {null, null, " x ", null, "null"},
                RowCleaner.clean(new String[] {"NULL", "N/A", " x ", "", "null"}, cleaning));
    }

    @Test
    void should_see_a_row_of_empty_values_as_blank() {
        assertTrue(RowCleaner.isBlank(RowCleaner.clean(new String[] {"", " ", ""}, Cleaning.DEFAULT)));
        assertTrue(RowCleaner.isBlank(RowCleaner.clean(new String[] {""}, Cleaning.DEFAULT)));
        assertFalse(RowCleaner.isBlank(RowCleaner.clean(new String[] {"", "0"}, Cleaning.DEFAULT)));
    }
}
