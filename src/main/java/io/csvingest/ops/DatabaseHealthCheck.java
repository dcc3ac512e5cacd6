package io.csvingest.ops;

import java.util.Map;

import io.csvingest.intake.IntakeGate;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the service is ready only while the database answers (the gate is open); it stays live regardless. */
public final class DatabaseHealthCheck extends AbstractHealthCheck {

    private final IntakeGate gate;

    public DatabaseHealthCheck(IntakeGate gate) {
        super("csv-ingest", "database");
        this.gate = gate;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (gate.isOpen()) {
            builder.up();
        } else {
            builder.message("the database does not answer: files wait in the inbox").down();
        }
    }
}
