package io.csvingest.clean;

import io.csvingest.IngestException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact duplicate rows found by fingerprint, through table growth, within a memory cap. */
class DuplicateRowsTest {

    @Test
    void should_spot_repeated_rows_and_tell_null_from_empty_and_shifted_values_apart() {
        DuplicateRows seen = new DuplicateRows();
        assertFalse(seen.isDuplicate(new String[] {"1", "a"}));
        assertTrue(seen.isDuplicate(new String[] {"1", "a"}));
        assertFalse(seen.isDuplicate(new String[] {"1a", ""}));
        assertFalse(seen.isDuplicate(new String[] {"1", null}));
        assertFalse(seen.isDuplicate(new String[] {"1", ""}));
        assertFalse(seen.isDuplicate(new String[] {"", "1a"}));
        assertTrue(seen.isDuplicate(new String[] {"1", null}));
    }

    @Test
    void should_keep_every_row_through_growth() {
        DuplicateRows seen = new DuplicateRows();
        for (int i = 0; i < 200_000; i++) {
            assertFalse(seen.isDuplicate(new String[] {Integer.toString(i), "x"}), "row " + i);
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertTrue(seen.isDuplicate(new String[] {Integer.toString(i), "x"}), "row " + i);
        }
    }

    @Test
    void should_size_its_largest_table_so_that_doubling_fits_40_percent_of_the_heap() {
        assertEquals(1 << 23, DuplicateRows.slotsFor(256L << 20), "6.3 million distinct rows at -Xmx256m");
        assertEquals(1 << 14, DuplicateRows.slotsFor(64 << 10), "never below 16,384 slots");
    }

    @Test
    void should_refuse_more_distinct_rows_than_its_memory_cap_with_advice() {
        DuplicateRows seen = new DuplicateRows(1 << 15);
        IngestException e = assertThrows(IngestException.class, () -> {
            for (int i = 0; i < 100_000; i++) {
                seen.isDuplicate(new String[] {Integer.toString(i)});
            }
        });
        assertTrue(e.getMessage().contains("dropDuplicates: false"), e.getMessage());
    }
}
