package io.csvingest.route;

import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;

import io.csvingest.clean.BatchCleaner;
import io.csvingest.clean.CleanedHeader;
import io.csvingest.clean.CoercionProcessor;
import io.csvingest.clean.RowStepsProcessor;
import io.csvingest.context.LoadContext;
import io.csvingest.intake.FileClaims;
import io.csvingest.intake.PickedUpFile;
import io.csvingest.ledger.LedgerStart;
import io.csvingest.ledger.LoadLedger;
import io.csvingest.ledger.StartLoadProcessor;
import io.csvingest.load.BatchLoader;
import io.csvingest.load.CopyPipeline;
import io.csvingest.load.InsertPipeline;
import io.csvingest.load.FileTransaction;
import io.csvingest.load.IgnoredValues;
import io.csvingest.load.KeyDeduplication;
import io.csvingest.load.TableLock;
import io.csvingest.metrics.PipelineMetrics;
import io.csvingest.outcome.CommitChecks;
import io.csvingest.outcome.FileOutcome;
import io.csvingest.outcome.ProgressLog;
import io.csvingest.outcome.RejectFile;
import io.csvingest.outcome.RejectRecorder;
import io.csvingest.parse.CsvSource;
import io.csvingest.parse.OpenCsvProcessor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.sql.SqlConstants;

/**
 * The journey of one CSV file, after its feed took it (claimed, out of the inbox): named, opened, checked against the
 * ledger, then in one transaction locked, parsed, cleaned and loaded batch by batch, checked and committed. Each step
 * sets its part of the file's {@link LoadContext}; errors are handled in one place ({@link DeadLetterConfiguration}).
 */
public class LoadRoutes extends RouteBuilder {

    @Override
    public void configure() {
        DataSource dataSource = getContext().getRegistry().findSingleByType(DataSource.class);
        LoadLedger ledger = getContext().getRegistry().findSingleByType(LoadLedger.class);
        FileClaims claims = getContext().getRegistry().findSingleByType(FileClaims.class);
        PipelineMetrics metrics = getContext().getRegistry().findSingleByType(PipelineMetrics.class);
        long progressEvery = Long.parseLong(getContext().resolvePropertyPlaceholders("{{progress.interval-seconds:10}}"));
        ProducerTemplate template = getContext().createProducerTemplate();
        BatchLoader loader = new BatchLoader(template, metrics);
        // a batch's INSERT, or an upsert batch's merge from its stage, runs on one of these while the file's thread
        // cleans the next batch
        ExecutorService merges = getContext().getExecutorServiceManager().newCachedThreadPool(this, "batch-aside");

        from("direct:load-csv").routeId("load-csv")
                .description("Opens the file's ledger entry; loads it unless the same content was loaded before")
                .process(new StartLoadProcessor(ledger)).id("name-target-table")
                // opened once, never through a link: the checksum and the rows come from this one open file
                .process(PickedUpFile::open).id("open-file")
                .process(new LedgerStart(ledger, metrics)).id("open-ledger-entry")
                .filter(exchange -> !LoadContext.of(exchange).has(LoadContext.DUPLICATE)).id("skip-duplicate")
                    .to("direct:load-file");

        from("direct:load-file").routeId("load-file")
                .description("Streams one CSV file into its table in batches (COPY or camel-sql INSERTs), in one transaction")
                .policy(new FileTransaction(dataSource))
                .process(new TableLock(dataSource, ledger)).id("lock-table")
                .process(new OpenCsvProcessor()).id("parse-header")
                .process(CleanedHeader.PROCESSOR).id("name-columns")
                .to("direct:prepare-table").id("plan-table")
                .process(RejectFile::prepare).id("open-rejects")
                .process(exchange -> CopyPipeline.prepare(exchange, dataSource, template, merges)).id("open-copy")
                .process(exchange -> InsertPipeline.prepare(exchange, dataSource, template, merges)).id("open-inserts")
                // parsed and cleaned on a read-ahead thread while the batch before loads
                .setBody(exchange -> CsvSource.of(exchange).batchesAhead(LoadContext.of(exchange).feed().batchSize(),
                        BatchCleaner.of(exchange))).id("read-ahead")
                .split(body()).streaming().stopOnException().id("batches")
                    .process(new RowStepsProcessor()).id("row-steps")
                    .process(new CoercionProcessor()).id("coerce")
                    .process(new KeyDeduplication()).id("last-row-per-key")
                    .process(new IgnoredValues()).id("count-ignored-values")
                    .process(loader).id("load-batch")
                    .process(new RejectRecorder()).id("record-rejects")
                    .process(new ProgressLog(progressEvery)).id("progress")
                .end()
                .process(loader::finishFile).id("end-copy")
                .process(new RejectRecorder()).id("record-last-rejects")
                .process(exchange -> RejectRecorder.checkLimit(exchange, true)).id("reject-limit")
                .process(new CommitChecks(ledger, claims)).id("commit-checks")
                .process(new FileOutcome(metrics)).id("report");

        // BatchLoader sends each attempt to insert rows here (an InsertBatch: statement, parameter count, parameters)
        from("direct:insert-arrays").routeId("insert-arrays")
                .description("Inserts a batch as one INSERT ... SELECT FROM unnest(one array parameter per column) through camel-sql")
                .setHeader(SqlConstants.SQL_QUERY, simple("${body.sql}"))
                .toD("sql:insert-from-header?parametersCount=${body.parameterCount}");

        // CopyPipeline sends an upsert's stage statements here, after each batch's COPY into the staging table
        from("direct:stage-sql").routeId("stage-sql")
                .description("Merges an upsert's batch from its staging table (INSERT ... SELECT ... ON CONFLICT), then empties the stage, through camel-sql")
                .to("sql:stage-from-body?useMessageBodyForSql=true");

        from("direct:insert-rows").routeId("insert-rows")
                .description("Inserts a list of rows (one parameter list each) with one batched INSERT through camel-sql")
                .setHeader(SqlConstants.SQL_QUERY, simple("${body.sql}"))
                // the endpoint's own query is never run: camel-sql takes the per-table INSERT from the header;
                // batchAutoCommitDisabled=false: no commit per batch, the file's transaction commits once;
                // parametersCount: no statement-describe round trip to the database per batch
                .toD("sql:insert-from-header?batch=true&batchAutoCommitDisabled=false&parametersCount=${body.parameterCount}");
    }
}
