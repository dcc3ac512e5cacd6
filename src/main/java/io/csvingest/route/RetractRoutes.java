package io.csvingest.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

import io.csvingest.intake.IntakeGate;
import io.csvingest.ledger.LoadLedger;
import io.csvingest.retract.LoadFinder;
import io.csvingest.retract.RetractFolder;
import io.csvingest.retract.RetractRefused;
import io.csvingest.retract.Retraction;
import io.csvingest.retract.Retractor;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journey of a file dropped into the retract folder ({@code RETRACT_DIR}, by default {@code retract/} beside the
 * inbox): taken by one instance, the load it names found, that load's rows deleted in one transaction, and the file
 * moved to {@code done/} with a report of what was removed, or to {@code refused/} with the reason.
 */
public class RetractRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(RetractRoutes.class);

    @Override
    public void configure() {
        DataSource dataSource = getContext().getRegistry().findSingleByType(DataSource.class);
        LoadLedger ledger = getContext().getRegistry().findSingleByType(LoadLedger.class);
        IntakeGate gate = getContext().getRegistry().findSingleByType(IntakeGate.class);
        String configured = getContext().resolvePropertyPlaceholders("{{retract.dir:}}");
        Path folder = configured.isBlank()
                ? Path.of(getContext().resolvePropertyPlaceholders("{{camel.component.feed.inbox-dir}}")).toAbsolutePath()
                        .normalize().resolveSibling("retract")
                : Path.of(configured);
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            LOG.warn("Retract folder {} cannot be created ({}): loads cannot be retracted until it can and the service"
                     + " restarts", folder, e.toString());
            return;
        }
        RetractFolder retract = new RetractFolder(folder, ledger.instance());

        // noop: this route moves the file itself (the first of several instances to rename it takes it); its own
        // hidden folder and done/ and refused/ are never listed (no recursion, hidden names excluded)
        from(retract.drops().endpointUri(null))
                .routeId("retract-file")
                .description("Takes a loaded file's rows out of its table again: its outbox copy or report dropped into retract/")
                .filter(exchange -> gate == null || gate.isOpen()).id("retract-database-answers")
                .process(retract::take).id("retract-take-file")
                .filter(exchange -> Retraction.of(exchange).taken() != null).id("retract-taken-here")
                .doTry()
                    .process(new LoadFinder(dataSource)).id("retract-find-the-load")
                    .process(new Retractor(dataSource, ledger.instance())).id("retract-delete-its-rows")
                    .process(retract::done).id("retract-move-to-done")
                .doCatch(RetractRefused.class)
                    .process(retract::refused).id("retract-move-to-refused")
                .doCatch(Exception.class)
                    .process(retract::putBack).id("retract-put-back")
                .end();
    }
}
