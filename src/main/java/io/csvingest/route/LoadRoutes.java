package io.csvingest.route;

import javax.sql.DataSource;

import io.csvingest.clean.BatchCleaner;
import io.csvingest.clean.CleanedHeader;
import io.csvingest.clean.CoercionProcessor;
import io.csvingest.clean.RowStepsProcessor;
import io.csvingest.feed.Feed;
import io.csvingest.intake.PickedUpFile;
import io.csvingest.ledger.LedgerStart;
import io.csvingest.ledger.StartLoadProcessor;
import io.csvingest.load.BatchLoader;
import io.csvingest.load.CopyPipeline;
import io.csvingest.load.FileTransaction;
import io.csvingest.load.KeyDeduplication;
import io.csvingest.load.TableLock;
import io.csvingest.load.TablePlan;
import io.csvingest.outcome.FileOutcome;
import io.csvingest.outcome.ProgressLog;
import io.csvingest.outcome.RejectFile;
import io.csvingest.outcome.RejectRecorder;
import io.csvingest.parse.CsvSource;
import io.csvingest.parse.OpenCsvProcessor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.sql.SqlConstants;

/** The core pipeline every feed calls: stream one CSV file, clean it batch by batch, load it with COPY or camel-sql. */
public class LoadRoutes extends RouteBuilder {

    @Override
    public void configure() {
        BatchLoader loader = new BatchLoader();
        from("direct:load-csv").routeId("load-csv")
                .description("Opens the file's ledger entry; loads it unless the same content was loaded before")
                .process(new StartLoadProcessor())
                // opened once, never through a link: the checksum and the rows come from this one open file
                .process(PickedUpFile::open)
                .process(new LedgerStart())
                .filter(exchangeProperty(Feed.DUPLICATE).isNull())
                    .to("direct:load-file");

        from("direct:load-file").routeId("load-file")
                .description("Streams one CSV file into its table in batches (COPY or camel-sql INSERTs), in one transaction")
                .policy(new FileTransaction(getContext().getRegistry().findSingleByType(DataSource.class)))
                .process(new TableLock())
                .process(new OpenCsvProcessor())
                .process(CleanedHeader.PROCESSOR)
                .to("direct:prepare-table")
                .process(RejectFile::prepare)
                .process(CopyPipeline::prepare)
                // parsed and cleaned on a read-ahead thread while the batch before loads
                .setBody(exchange -> CsvSource.of(exchange).batchesAhead(Feed.of(exchange).batchSize(), BatchCleaner.of(exchange)))
                .split(body()).streaming().stopOnException()
                    .process(new RowStepsProcessor())
                    .process(new CoercionProcessor())
                    .process(new KeyDeduplication())
                    .process(loader)
                    .process(new RejectRecorder())
                    .process(new ProgressLog(Long.parseLong(getContext().resolvePropertyPlaceholders("{{progress.interval-seconds:10}}"))))
                .end()
                .process(loader::finishFile)
                .process(new RejectRecorder())
                .process(exchange -> RejectRecorder.checkLimit(exchange, true))
                .process(new FileOutcome());

        from("direct:insert-arrays").routeId("insert-arrays")
                .description("Inserts a batch as one INSERT ... SELECT FROM unnest(one array parameter per column) through camel-sql")
                .setHeader(SqlConstants.SQL_QUERY, exchangeProperty(TablePlan.INSERT_SQL))
                .toD("sql:insert-from-header?parametersCount=${exchangeProperty." + TablePlan.PARAMETERS + "}");

        from("direct:insert-rows").routeId("insert-rows")
                .description("Inserts a list of rows (one parameter list each) with one batched INSERT through camel-sql")
                .setHeader(SqlConstants.SQL_QUERY, exchangeProperty(TablePlan.INSERT_SQL))
                // the endpoint's own query is never run: camel-sql takes the per-table INSERT from the header;
                // batchAutoCommitDisabled=false: no commit per batch, the file's transaction commits once;
                // parametersCount: no statement-describe round trip to the database per batch
                .toD("sql:insert-from-header?batch=true&batchAutoCommitDisabled=false"
                     + "&parametersCount=${exchangeProperty." + TablePlan.PARAMETERS + "}");
    }
}
