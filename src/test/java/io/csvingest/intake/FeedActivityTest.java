package io.csvingest.intake;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stall rule, with several files in flight: each file's own progress counts, the poll's does not hide one. */
class FeedActivityTest {

    @Test
    void should_name_the_file_in_flight_that_made_no_progress_for_longest_even_while_the_poll_goes_on() {
        FeedActivity activity = new FeedActivity("orders");
        activity.started("stuck.csv");
        activity.started("moving.csv");
        activity.progressed("moving.csv");
        activity.pollStrategy(() -> { }).commit(null, null, 1); // a poll finished meanwhile

        Optional<String> stalled = activity.stalled(0, false);

        assertTrue(stalled.orElseThrow().startsWith("feed orders has made no progress for 0 s on stuck.csv"), stalled.get());
        assertEquals(Optional.empty(), activity.stalled(3600, true), "within the bound");
    }

    @Test
    void should_report_an_intake_that_makes_no_progress_only_while_files_wait() {
        FeedActivity activity = new FeedActivity("orders");
        activity.started("a.csv");
        activity.ended("a.csv");

        assertEquals(Optional.empty(), activity.stalled(0, false), "nothing to do");
        assertTrue(activity.stalled(0, true).orElseThrow().contains("while files wait for it"));
    }
}
