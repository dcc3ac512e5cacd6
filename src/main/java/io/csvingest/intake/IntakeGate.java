package io.csvingest.intake;

/** Whether feeds may take files now; closed while what loading needs (the database) does not answer. */
public interface IntakeGate {

    boolean isOpen();

    /** A file could not load for a passing reason (the database went away): close until it answers again. */
    void trip(Throwable reason);
}
