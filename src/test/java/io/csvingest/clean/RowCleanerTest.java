package io.csvingest.clean;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trimming, NULLs and blank records. */
class RowCleanerTest {

    @Test
    void should_trim_values_and_read_empty_ones_as_null() {
        assertArrayEquals(new String[] {"a", null, "b c", null}, RowCleaner.clean(new String[] {" a ", "", "b c\t", "   "}));
    }

    @Test
    void should_see_a_row_of_empty_values_as_blank() {
        assertTrue(RowCleaner.isBlank(RowCleaner.clean(new String[] {"", " ", ""})));
        assertTrue(RowCleaner.isBlank(RowCleaner.clean(new String[] {""})));
        assertFalse(RowCleaner.isBlank(RowCleaner.clean(new String[] {"", "0"})));
    }
}
