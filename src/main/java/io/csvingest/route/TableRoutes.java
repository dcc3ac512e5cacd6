package io.csvingest.route;

import java.util.Map;

import io.csvingest.context.FileLoad;
import io.csvingest.load.TablePlanner;
import org.apache.camel.builder.RouteBuilder;

/** Makes sure the target table exists (created from the header when missing) and plans the INSERT for the file. */
public class TableRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:prepare-table").routeId("prepare-table")
                .description("Reads the target table's columns, plans the load, creates or empties the table")
                // the query's named parameters from the body; parametersCount: no statement-describe round trip per file
                .setBody(exchange -> Map.of("schema", FileLoad.of(exchange).schema(), "table", FileLoad.of(exchange).table()))
                .to("sql:classpath:sql/table-columns.sql?outputType=SelectList&parametersCount=2")
                .process(new TablePlanner())
                // CREATE TABLE, DELETE for replace: through camel-sql, so they join the file's transaction
                .split(body())
                    .to("sql:prepare-from-body?useMessageBodyForSql=true")
                .end();

        // Widening (in BatchLoader) sends ALTER TABLE ... ALTER COLUMN ... TYPE here, in the file's transaction
        from("direct:widen-column").routeId("widen-column")
                .description("Widens a column for a value that did not fit its type (bigint to numeric, date to timestamp ...)")
                .to("sql:widen-from-body?useMessageBodyForSql=true");
    }
}
