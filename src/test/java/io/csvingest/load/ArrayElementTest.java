package io.csvingest.load;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An array literal's element goes without quotes only when PostgreSQL's array syntax cannot read it otherwise. */
class ArrayElementTest {

    @Test
    void should_leave_numbers_dates_and_words_unquoted() {
        for (String value : List.of("1", "-0.323", "1e-7", "2026-12-08", "2026-12-08T10:00:00+01:00", "Müller", "日本", "a'b", "NaN")) {
            assertTrue(ArrayParameters.plain(value), value);
        }
    }

    @Test
    void should_quote_what_array_syntax_would_misread() {
        for (String value : List.of("", "NULL", "null", "NuLl", "a,b", "{x}", "say \"hi\"", "back\\slash", " padded",
                "two words", "tab\there", "line\nbreak", "no\u00a0break")) {
            assertFalse(ArrayParameters.plain(value), value);
        }
    }
}
