package io.csvingest.outcome;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import io.csvingest.IngestException;
import io.csvingest.intake.FailurePolicy;
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
    void should_tell_passing_database_failures_from_permanent_ones() {
        for (String passing : new String[] {"08006", "08001", "57P01", "57P03", "53300", "40P01", "40001", "25006", "55P03"}) {
            assertTrue(FailurePolicy.isTransient(new RuntimeException(new SQLException("x", passing))), passing);
        }
        assertTrue(FailurePolicy.isTransient(new SQLException("This connection has been closed.")));
        assertTrue(FailurePolicy.isTransient(new java.sql.SQLTransientConnectionException("pool timeout")));
        for (String permanent : new String[] {"42501", "42P01", "23505", "22P02", "55000", "0A000"}) {
            assertFalse(FailurePolicy.isTransient(new RuntimeException(new SQLException("x", permanent))), permanent);
        }
        assertFalse(FailurePolicy.isTransient(new IngestException("Malformed CSV")));
    }

    @Test
    void should_keep_row_values_out_of_a_lost_connection_reason() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO \"t\" VALUES ('secret-value')"
                                                              + " was aborted: An I/O error occurred", "08006", new int[0]);
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        String reason = FailureReason.describe(new RuntimeException("wrapped", batch));
        assertEquals("Cannot reach the database: An I/O error occurred while sending to the backend.", reason);
    }

    @Test
    void should_fall_back_to_the_root_cause_for_the_unexpected() {
        Exception unexpected = new IllegalStateException("wrapper", new ArithmeticException("/ by zero"));
        assertEquals("Unexpected error (java.lang.ArithmeticException: / by zero); please report it with the file",
                FailureReason.describe(unexpected));
        assertFalse(FailureReason.isExplained(unexpected));
    }

    @Test
    void should_say_what_happened_to_a_file_in_plain_words_not_a_java_exception() {
        String denied = FailureReason.describe(new java.io.UncheckedIOException(
                new java.nio.file.AccessDeniedException("/data/outbox/.x.csv.rejects.csv.part")));
        assertEquals("A file /data/outbox/.x.csv.rejects.csv.part could not be read or written: permission denied: the"
                     + " service's user may not read or write it there (check its owner and mode, e.g. chmod a+r for a"
                     + " file, or APP_UID/APP_GID in .env)", denied);
        String full = FailureReason.describe(new RuntimeException(new java.nio.file.FileSystemException("/data/outbox/x",
                null, "No space left on device")));
        assertTrue(full.endsWith("the disk is full (No space left on device)"), full);
        for (String reason : java.util.List.of(denied, full)) {
            assertFalse(reason.contains("Exception"), reason);
        }
        assertTrue(FailureReason.isExplained(new RuntimeException(new java.io.EOFException())));
    }
}
