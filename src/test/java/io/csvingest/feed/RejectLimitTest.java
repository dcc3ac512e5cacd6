package io.csvingest.feed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** maxRejects as a count (checked as rows come) or a percentage (checked once the file is read). */
class RejectLimitTest {

    @Test
    void should_stop_at_a_count_as_soon_as_it_is_passed() {
        RejectLimit limit = RejectLimit.parse("2");
        assertFalse(limit.exceeded(2, 10, false));
        assertTrue(limit.exceeded(3, 10, false));
    }

    @Test
    void should_judge_a_percentage_on_the_whole_file() {
        RejectLimit limit = RejectLimit.parse("10%");
        assertFalse(limit.exceeded(5, 10, false));
        assertTrue(limit.exceeded(2, 12, true));
        assertFalse(limit.exceeded(1, 10, true));
        assertEquals("10%", limit.toString());
        assertFalse(RejectLimit.NONE.exceeded(1_000_000, 1_000_000, true));
    }

    @Test
    void should_refuse_what_is_not_a_count_or_percentage() {
        assertThrows(IllegalArgumentException.class, () -> RejectLimit.parse("ten"));
        assertThrows(IllegalArgumentException.class, () -> RejectLimit.parse("150%"));
        assertThrows(IllegalArgumentException.class, () -> RejectLimit.parse("-1"));
    }
}
