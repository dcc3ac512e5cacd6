package io.csvingest.deadletter;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import io.csvingest.IngestException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-line reasons written next to dead-lettered files. */
class FailureReasonTest {

    @Test
    void should_use_our_own_words_when_we_have_them() {
        Exception wrapped = new RuntimeException("outer", new IngestException("Line 7 has 3 fields"));
        assertEquals("Line 7 has 3 fields", FailureReason.describe(wrapped));
        assertTrue(FailureReason.isExplained(wrapped));
    }

    @Test
    void should_show_the_real_database_error_behind_a_batch_failure() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "22P02", new int[0]);
        batch.setNextException(new SQLException("ERROR: invalid input syntax for type bigint: \"x\"\n  Position: 9", "22P02"));
        assertEquals("The database refused the data: ERROR: invalid input syntax for type bigint: \"x\" Position: 9"
                     + " (SQL state 22P02)", FailureReason.describe(new RuntimeException(batch)));
    }

    @Test
    void should_say_the_database_cannot_be_reached_for_connection_errors() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        assertEquals("Cannot reach the database: Connection to localhost:5432 refused",
                FailureReason.describe(new RuntimeException(refused)));
    }

    @Test
    void should_fall_back_to_the_root_cause_for_the_unexpected() {
        Exception unexpected = new IllegalStateException("wrapper", new ArithmeticException("/ by zero"));
        assertEquals("ArithmeticException: / by zero", FailureReason.describe(unexpected));
        assertFalse(FailureReason.isExplained(unexpected));
    }
}
