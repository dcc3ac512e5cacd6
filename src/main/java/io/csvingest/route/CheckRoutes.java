package io.csvingest.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.csvingest.check.CheckCollector;
import io.csvingest.check.CheckFolder;
import io.csvingest.check.FileCheck;
import io.csvingest.clean.BatchCleaner;
import io.csvingest.clean.CleanedHeader;
import io.csvingest.clean.CoercionProcessor;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.intake.FeedComponent;
import io.csvingest.intake.IntakeGate;
import io.csvingest.intake.PickedUpFile;
import io.csvingest.ledger.LoadLedger;
import io.csvingest.ledger.StartLoadProcessor;
import io.csvingest.load.KeyDeduplication;
import io.csvingest.load.TablePlanner;
import io.csvingest.parse.CsvSource;
import io.csvingest.parse.OpenCsvProcessor;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journey of a file dropped into the check folder ({@code CHECK_DIR}, by default {@code check/} beside the inbox):
 * the feed that would take it, its dialect, header, table plan, and every row read, cleaned and typed as that feed's
 * load would, in the same batches and memory bound; then a report of what the load would do. Nothing is written to
 * any table and no table is created: the table's columns are read, its DDL only written down (row steps, which may
 * write, are not run).
 */
public class CheckRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(CheckRoutes.class);

    @Override
    public void configure() {
        LoadLedger ledger = getContext().getRegistry().findSingleByType(LoadLedger.class);
        IntakeGate gate = getContext().getRegistry().findSingleByType(IntakeGate.class);
        FeedComponent feeds = getContext().getComponent("feed", FeedComponent.class);
        Path inbox = feeds.folders().inbox().toAbsolutePath().normalize();
        String configured = getContext().resolvePropertyPlaceholders("{{check.dir:}}");
        Path folder = configured.isBlank() ? inbox.resolveSibling("check") : Path.of(configured);
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            LOG.warn("Check folder {} cannot be created ({}): files cannot be checked until it can and the service"
                     + " restarts", folder, e.toString());
            return;
        }
        CheckFolder check = new CheckFolder(folder, ledger.instance(), inbox, feeds.registry());

        from(check.drops().endpointUri(".*\\.check\\.(json|sql)$"))
                .routeId("check-file")
                .description("A dry run of a file's load: read, cleaned and typed as its feed would, nothing written")
                .filter(exchange -> gate == null || gate.isOpen()).id("check-database-answers")
                .process(check::take).id("check-take-file")
                .filter(exchange -> FileCheck.of(exchange).taken() != null).id("check-taken-here")
                .doTry()
                    .process(check::feed).id("check-find-its-feed")
                    .process(new StartLoadProcessor(ledger)).id("check-name-target-table")
                    .process(PickedUpFile::open).id("check-open-file")
                    .process(new OpenCsvProcessor()).id("check-parse-header")
                    .process(CleanedHeader.PROCESSOR).id("check-name-columns")
                    .setBody(exchange -> Map.of("schema", FileLoad.of(exchange).schema(), "table", FileLoad.of(exchange).table()))
                    .to("sql:classpath:sql/table-columns.sql?outputType=SelectList&parametersCount=2").id("check-read-table-columns")
                    .process(exchange -> FileCheck.of(exchange).tableExists(!exchange.getIn().getBody(List.class).isEmpty()))
                    .process(new TablePlanner()).id("check-plan-table")
                    // the plan's statements on the table are written down, never run (an upsert's staging table aside)
                    .process(exchange -> ((List<?>) exchange.getIn().getBody(List.class)).stream().map(String::valueOf)
                            .filter(statement -> !statement.startsWith("CREATE TEMPORARY TABLE"))
                            .forEach(FileCheck.of(exchange).ddl()::add))
                    .setBody(exchange -> CsvSource.of(exchange).batchesAhead(LoadContext.of(exchange).feed().batchSize(),
                            BatchCleaner.of(exchange))).id("check-read-ahead")
                    .split(body()).streaming().stopOnException().id("check-batches")
                        .process(new CoercionProcessor()).id("check-coerce")
                        .process(new KeyDeduplication()).id("check-last-row-per-key")
                        .process(new CheckCollector()).id("check-count-what-would-load")
                    .end()
                    .process(check::done).id("check-write-check")
                .endDoTry()
                .doCatch(Exception.class)
                    .process(check::failed).id("check-write-why-not")
                .end();
    }
}
