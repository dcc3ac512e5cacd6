package io.csvingest.load;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The halving rule: refused rows are found one by one, all others stored, in few attempts; other failures are not rows'. */
class HalvingTest {

    /** A table that refuses the rows at some positions, as a unique constraint or a trigger would. */
    private static final class Table implements Halving.Attempt {
        private final Set<Integer> bad;
        private final String state;
        private final List<int[]> attempts = new ArrayList<>();

        Table(Set<Integer> bad, String state) {
            this.bad = bad;
            this.state = state;
        }

        @Override
        public Exception store(int from, int to) {
            attempts.add(new int[] {from, to});
            for (int position = from; position < to; position++) {
                if (bad.contains(position)) {
                    return new SQLException("row " + position + " refused", state);
                }
            }
            return null;
        }
    }

    @Test
    void should_reject_exactly_the_refused_rows_and_store_all_the_others() throws Exception {
        Table table = new Table(Set.of(3, 500, 501, 19_999), "23505");
        TreeMap<Integer, String> rejected = new TreeMap<>();

        int stored = Halving.store(0, 20_000, table, (position, refusal) -> rejected.put(position, refusal.reason()));

        assertEquals(20_000 - 4, stored);
        assertEquals(Set.of(3, 500, 501, 19_999), rejected.keySet());
        assertEquals("the database refused it: row 500 refused [SQL state 23505]", rejected.get(500));
        // about 2 * k * log2(n): 4 refused rows in 20,000 cost some 100 attempts, not 20,000
        assertTrue(table.attempts.size() <= 2 * 4 * 15 + 1, table.attempts.size() + " attempts");
    }

    @Test
    void should_store_a_clean_batch_in_one_attempt_and_refuse_a_single_row_alone() throws Exception {
        Table clean = new Table(Set.of(), "23505");
        assertEquals(5000, Halving.store(0, 5000, clean, (position, refusal) -> { }));
        assertEquals(1, clean.attempts.size());

        List<Integer> rejected = new ArrayList<>();
        assertEquals(0, Halving.store(7, 8, new Table(Set.of(7), "P0001"), (position, refusal) -> rejected.add(position)));
        assertEquals(List.of(7), rejected, "a trigger's RAISE (P0001) concerns its row too");
    }

    @Test
    void should_give_up_at_once_on_a_failure_that_is_not_about_rows() {
        for (String state : List.of("08006", "42501", "57014", "40P01", "55000")) {
            Table table = new Table(Set.of(10), state);
            Exception failure = assertThrows(SQLException.class,
                    () -> Halving.store(0, 1000, table, (position, refusal) -> { }), state);
            assertEquals(state, ((SQLException) failure).getSQLState());
            assertEquals(1, table.attempts.size(), state + ": no halving");
        }
        SQLException lost = new SQLException("This connection has been closed.");
        assertSame(lost, assertThrows(SQLException.class, () -> Halving.store(0, 10, (from, to) -> lost, (p, r) -> { })));
    }
}
