package io.csvingest;

import io.csvingest.IngestException;

/**
 * A file that must not load now but is fine: it changed while it loaded, or another instance took it over. Its
 * transaction rolls back and it stays in the inbox, to be taken again later; neither dead-lettered nor a sign
 * that the database is away.
 */
public class RetryLater extends IngestException {

    public RetryLater(String message) {
        super(message);
    }

    public RetryLater(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code failure} is, or was caused by, a RetryLater. */
    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetryLater) {
                return true;
            }
        }
        return false;
    }
}
