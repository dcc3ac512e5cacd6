package io.csvingest.route;

import io.csvingest.intake.IntakeGate;
import io.csvingest.ledger.LoadLedger;
import io.csvingest.metrics.PipelineMetrics;
import io.csvingest.outcome.FailureOutcome;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling for every route in one place: failures stay unhandled, so camel-file dead-letters the file, unless
 * {@link FailureOutcome} finds the failure passing (the database, a shutdown) and leaves the file in the inbox.
 */
public class DeadLetterConfiguration extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration()
                .onException(Exception.class)
                    .handled(false)
                    // FailureOutcome logs the one line a user needs (with a stack trace only when unexpected)
                    .logExhausted(false)
                    .process(new FailureOutcome(getContext().getRegistry().findSingleByType(IntakeGate.class),
                            getContext().getRegistry().findSingleByType(LoadLedger.class),
                            getContext().getRegistry().findSingleByType(PipelineMetrics.class)));
    }
}
