package io.csvingest.load;

import java.sql.SQLException;
import java.util.concurrent.Future;

import org.apache.camel.ProducerTemplate;
import org.postgresql.copy.CopyIn;

/**
 * An upsert batch's merge, off the file's thread: once the batch is sent into the staging table, ending that COPY,
 * merging the stage into the target and emptying it (camel-sql, route {@code stage-sql}) run beside the file's
 * thread ({@link AsideThread}) while it cleans the next batch. PostgreSQL then merges while Java cleans, as it stores
 * one COPY while Java parses the next.
 */
final class StageMerge {

    private final AsideThread aside;
    private final ProducerTemplate template;

    StageMerge(AsideThread aside, ProducerTemplate template) {
        this.aside = aside;
        this.template = template;
    }

    /** Ends {@code copy} and merges the stage on a helper thread, in the file's transaction; its failure, or null, comes with {@link AsideThread#await}. */
    Future<Exception> start(CopyIn copy, TablePlan.Stage stage) {
        return aside.run(() -> run(copy, stage));
    }

    private Exception run(CopyIn copy, TablePlan.Stage stage) {
        try {
            copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            CopyPipeline.cancel(copy, e);
            return e;
        }
        Exception failure = stageSql(stage.merge());
        return failure != null ? failure : stageSql(stage.clear());
    }

    /** Runs a statement of the stage through camel-sql on the file's connection; its failure, or null. */
    private Exception stageSql(String sql) {
        return template.send("direct:stage-sql", statement -> statement.getIn().setBody(sql)).getException();
    }
}
