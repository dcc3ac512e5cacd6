package io.csvingest.load;

import org.apache.camel.builder.RouteBuilder;

/** Makes sure the target table exists (created from the header when missing) and plans the INSERT for the file. */
public class TableRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:prepare-table").routeId("prepare-table")
                .description("Reads the target table's columns, creates the table when missing, plans the INSERT")
                .to("sql:classpath:sql/table-columns.sql?outputType=SelectList&outputHeader=" + TablePlanner.EXISTING_COLUMNS)
                .process(new TablePlanner())
                .filter(exchange -> TablePlan.of(exchange).createSql() != null)
                    .setBody(exchange -> TablePlan.of(exchange).createSql())
                    // through camel-sql (JdbcTemplate), so the CREATE joins the file's transaction
                    .to("sql:create-from-body?useMessageBodyForSql=true")
                .end();
    }
}
