package io.csvingest.retract;

/** A retraction the service will not make, with the reason a user reads in {@code retract/refused/}: nothing changed. */
public final class RetractRefused extends RuntimeException {

    public RetractRefused(String reason) {
        super(reason);
    }
}
