package io.csvingest.retract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.csvingest.context.LoadContext;
import io.csvingest.intake.DropFolder;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retract folder and where its files go: a dropped file is first renamed into {@code .taking/<instance>/} (one
 * rename: of several instances polling the folder, the one whose rename succeeds retracts it), then moves under a
 * stamped name to {@code done/} with a {@code .report.json} of what was removed, or to {@code refused/} with a
 * {@code .reason.txt}; when the database went away meanwhile it goes back into the folder, to be retracted later.
 */
public final class RetractFolder {

    private static final Logger LOG = LoggerFactory.getLogger(RetractFolder.class);

    private final DropFolder drops;

    public RetractFolder(Path folder, String instance) {
        this.drops = new DropFolder(folder, instance);
    }

    public DropFolder drops() {
        return drops;
    }

    /** Takes the dropped file for this instance; none taken (null) when another instance renamed it first. */
    public void take(Exchange exchange) throws IOException {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Retraction retraction = new Retraction(name);
        LoadContext.of(exchange).set(Retraction.PART, retraction);
        retraction.taken(drops.take(name));
        if (retraction.taken() == null) {
            LOG.debug("{} was taken by another instance", name);
        }
    }

    /** Moves the file to {@code done/} and writes the report of what was removed beside it. */
    public void done(Exchange exchange) throws IOException {
        Retraction retraction = of(exchange);
        Path target = drops.moveTo("done", retraction.taken(), retraction.name(), retraction.pickedUp());
        Files.writeString(Path.of(target + ".report.json"), RetractReport.json(retraction), StandardCharsets.UTF_8);
        Retraction.Done done = retraction.done();
        LOG.info("Retracted load {} ({}) from table {}: {} row(s) removed, {} kept (written by later loads since) -> {}",
                done.loadId(), done.file(), done.table(), done.removed(), done.keptByLaterLoads(), drops.shown(target));
    }

    /** Moves the file to {@code refused/} with the reason beside it: nothing was changed. */
    public void refused(Exchange exchange) throws IOException {
        Retraction retraction = of(exchange);
        String reason = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage();
        Path target = drops.moveTo("refused", retraction.taken(), retraction.name(), retraction.pickedUp());
        Files.writeString(Path.of(target + ".reason.txt"), reason + "\n", StandardCharsets.UTF_8);
        LOG.warn("Not retracting {}: {} -> {}", retraction.name(), reason, drops.shown(target));
    }

    /** Puts the file back into the folder after a passing failure (the database went away): it is retracted later. */
    public void putBack(Exchange exchange) throws IOException {
        Retraction retraction = of(exchange);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (drops.putBack(retraction.taken(), retraction.name())) {
            LOG.warn("Not retracting {} now ({}): it stays in {} and is tried again", retraction.name(), failure, drops.folder());
        } else {
            LOG.error("Not retracting {} now ({}); another file of its name came meanwhile, so it stays in {}",
                    retraction.name(), failure, retraction.taken().getParent());
        }
    }

    static Retraction of(Exchange exchange) {
        return Retraction.of(exchange);
    }
}
