package io.csvingest.clean;

import io.csvingest.feed.Cleaning;
import io.csvingest.parse.RecordBlock;
import io.csvingest.support.Records;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trimming, NULLs and blank records, on records as the parser reads them. */
class RowCleanerTest {

    @Test
    void should_trim_values_and_read_empty_ones_as_null() {
        RecordBlock block = Records.block("a,b,c,d,e\n a ,,b c\t,   ,\"  x \"\n");
        new RowCleaner(Cleaning.DEFAULT).clean(block, 0);
        assertArrayEquals(new String[] {"a", null, "b c", null, "x"}, block.values(0));
    }

    @Test
    void should_read_the_feeds_null_tokens_as_null_and_keep_spaces_when_trim_is_off() {
        Cleaning cleaning = Cleaning.DEFAULT.withNullValues("NULL, N/A").withTrim(false);
        RecordBlock block = Records.block("a,b,c,d,e,f\nNULL,N/A, x ,,null,\"N/A\"\n");
        new RowCleaner(cleaning).clean(block, 0);
        assertArrayEquals(new String[] {null, null, " x ", null, "null", null}, block.values(0));
    }

    @Test
    void should_compare_quoted_values_with_doubled_quotes_unescaped() {
        RecordBlock block = Records.block("a,b\n\"\"\"\"\"\",\"say \"\"hi\"\" \"\n");
        new RowCleaner(Cleaning.DEFAULT.withNullValues("\"\"")).clean(block, 0);
        assertArrayEquals(new String[] {null, "say \"hi\""}, block.values(0));
    }

    @Test
    void should_see_a_row_of_empty_values_as_blank() {
        RecordBlock block = Records.block("a,b,c\n, ,\n\n,0,\n");
        RowCleaner cleaner = new RowCleaner(Cleaning.DEFAULT);
        assertTrue(cleaner.clean(block, 0), "only separators and spaces");
        assertTrue(cleaner.clean(block, 1), "an empty line");
        assertFalse(cleaner.clean(block, 2));
    }

    @Test
    void should_keep_a_quoted_empty_value_as_an_empty_string_unless_the_feed_reads_it_as_null() {
        RecordBlock block = Records.block("a,b,c\n1,\"\",\n");
        new RowCleaner(Cleaning.DEFAULT).clean(block, 0);
        assertArrayEquals(new String[] {"1", "", null}, block.values(0), "PostgreSQL's rule: \"\" is '', nothing is NULL");
        RecordBlock again = Records.block("a,b,c\n1,\"\",\n");
        new RowCleaner(Cleaning.DEFAULT.withQuotedEmptyAsNull(true)).clean(again, 0);
        assertArrayEquals(new String[] {"1", null, null}, again.values(0));
        RecordBlock onlyQuoted = Records.block("a,b\n\"\",\n");
        assertFalse(new RowCleaner(Cleaning.DEFAULT).clean(onlyQuoted, 0), "a kept empty string is a value");
    }
}
