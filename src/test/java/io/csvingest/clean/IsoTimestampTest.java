package io.csvingest.clean;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IsoTimestampTest {

    /** What java.time makes of the value (the slow path's answer), or null when it refuses it. */
    private static String reference(String value, boolean withOffset) {
        String iso = value.replace(' ', 'T').replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2").replaceFirst("([+-]\\d{2})$", "$1:00");
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(iso);
            return withOffset ? parsed.toString() : parsed.toLocalDateTime().toString();
        } catch (DateTimeParseException notOffset) {
            if (withOffset) {
                return null;
            }
            try {
                return LocalDateTime.parse(iso).toString();
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    @Test
    void should_give_the_same_text_as_java_time_wherever_it_answers() {
        List<String> values = new ArrayList<>();
        for (String date : List.of("2024-02-29", "2023-02-29", "2023-02-28", "2024-12-31", "2024-13-01", "2024-04-31",
                "1900-02-29", "2000-02-29", "0001-01-01", "2024-00-10")) {
            for (String time : List.of("00:00:00", "12:34:56", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "07:05:00")) {
                for (String offset : List.of("", "Z", "+00:00", "-00", "+0000", "+01:00", "-05", "+0530", "+05:30",
                        "+18:00", "+18:30", "+19", "-12:45", "z", "+1", "+01:0", "+01:60")) {
                    values.add(date + "T" + time + offset);
                    values.add(date + " " + time + offset);
                }
            }
        }
        int fast = 0;
        for (String value : values) {
            for (boolean withOffset : new boolean[] {true, false}) {
                String canonical = IsoTimestamp.canonical(value, withOffset);
                if (canonical != null) {
                    fast++;
                    assertEquals(reference(value, withOffset), canonical, value + (withOffset ? " as timestamptz" : " as timestamp"));
                }
            }
        }
        assertEquals(true, fast > values.size() / 4, "the fast path takes the common forms: " + fast);
    }

    @Test
    void should_leave_other_forms_to_the_slow_path() {
        assertNull(IsoTimestamp.canonical("2024-03-05T12:34:56.123Z", true));
        assertNull(IsoTimestamp.canonical("2024-03-05T12:34:56", true));
        assertNull(IsoTimestamp.canonical("2024-03-05", false));
        assertNull(IsoTimestamp.canonical("05/03/2024 12:34:56", false));
        assertEquals("2024-03-05T12:34Z", IsoTimestamp.canonical("2024-03-05 12:34:00+00", true));
        assertEquals("2024-03-05T12:34:56", IsoTimestamp.canonical("2024-03-05T12:34:56-05:00", false));
    }
}
