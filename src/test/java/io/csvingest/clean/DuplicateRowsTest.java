package io.csvingest.clean;

import io.csvingest.IngestException;
import io.csvingest.feed.Cleaning;
import io.csvingest.parse.RecordBlock;
import io.csvingest.support.Records;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact duplicate rows found by fingerprint, through table growth, within a memory cap. */
class DuplicateRowsTest {

    @Test
    void should_spot_repeated_rows_and_tell_null_from_empty_and_shifted_values_apart() {
        // values as read (not cleaned): "" stays an empty text until a NULL is made of it
        RecordBlock block = Records.block("a,b\n1,a\n1,a\n1a,\n1,x\n1,\n,1a\n1,x\n");
        block.narrow(block.firstField(3) + 1, RecordBlock.NULL, 0);
        block.narrow(block.firstField(6) + 1, RecordBlock.NULL, 0);
        DuplicateRows seen = new DuplicateRows();
        boolean[] expected = {false, true, false, false, false, false, true};
        for (int r = 0; r < block.size(); r++) {
            assertEquals(expected[r], seen.isDuplicate(DuplicateRows.fingerprint(block, r)), "record " + r);
        }
    }

    @Test
    void should_see_quoted_padded_and_plain_twins_of_a_row_as_duplicates_once_cleaned() {
        RecordBlock block = Records.block("a,b\nsay \"hi\",1\n\"say \"\"hi\"\"\", 1 \n\"say \"\"hi\"\"\",2\n");
        RowCleaner cleaner = new RowCleaner(Cleaning.DEFAULT);
        for (int r = 0; r < block.size(); r++) {
            cleaner.clean(block, r);
        }
        assertEquals(DuplicateRows.fingerprint(block, 0), DuplicateRows.fingerprint(block, 1));
        assertNotEquals(DuplicateRows.fingerprint(block, 1), DuplicateRows.fingerprint(block, 2));
    }

    @Test
    void should_keep_every_row_through_growth() {
        DuplicateRows seen = new DuplicateRows();
        RecordBlock block = rows(200_000);
        for (int r = 0; r < block.size(); r++) {
            assertFalse(seen.isDuplicate(DuplicateRows.fingerprint(block, r)), "row " + r);
        }
        for (int r = 0; r < block.size(); r += 997) {
            assertTrue(seen.isDuplicate(DuplicateRows.fingerprint(block, r)), "row " + r);
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
        RecordBlock block = rows(100_000);
        IngestException e = assertThrows(IngestException.class, () -> {
            for (int r = 0; r < block.size(); r++) {
                seen.isDuplicate(DuplicateRows.fingerprint(block, r));
            }
        });
        assertTrue(e.getMessage().contains("dropDuplicates: false"), e.getMessage());
    }

    private static RecordBlock rows(int count) {
        StringBuilder csv = new StringBuilder("n,x\n");
        for (int i = 0; i < count; i++) {
            csv.append(i).append(",x\n");
        }
        return Records.block(csv.toString());
    }
}
