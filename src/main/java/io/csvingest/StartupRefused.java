package io.csvingest;

/** The service cannot run as configured (a port taken...): said in one plain line, and the process exits 1. */
public class StartupRefused extends RuntimeException {

    public StartupRefused(String message) {
        super(message, null, false, false);
    }
}
