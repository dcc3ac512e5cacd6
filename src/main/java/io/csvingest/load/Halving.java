package io.csvingest.load;

/**
 * Finds the rows the database refuses in a batch without giving up the others: the batch is tried whole; when the
 * database refuses it for a reason that can concern a row ({@link DatabaseRefusal}), each half is tried, down to
 * single rows, which are rejected with the database's reason. k refused rows in n cost about 2·k·log2(n) attempts.
 */
final class Halving {

    /** Tries to store positions {@code [from, to)} of the batch (in a savepoint); returns the failure, or null. */
    interface Attempt {
        Exception store(int from, int to) throws Exception;
    }

    /** Takes the row at a position as refused, with the database's reason. */
    interface Refused {
        void reject(int position, DatabaseRefusal refusal);
    }

    private Halving() {
    }

    /**
     * Stores positions {@code [from, to)}, halving around refused rows; returns how many were stored. A failure that
     * is not about rows (the connection, a privilege...) is thrown as it is.
     */
    static int store(int from, int to, Attempt attempt, Refused refused) throws Exception {
        Exception failure = attempt.store(from, to);
        if (failure == null) {
            return to - from;
        }
        DatabaseRefusal refusal = DatabaseRefusal.of(failure);
        if (refusal == null) {
            throw failure;
        }
        if (to - from == 1) {
            refused.reject(from, refusal);
            return 0;
        }
        int half = from + (to - from) / 2;
        return store(from, half, attempt, refused) + store(half, to, attempt, refused);
    }
}
