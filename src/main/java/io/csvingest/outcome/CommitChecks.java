package io.csvingest.outcome;

import io.csvingest.IngestException;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.intake.FileClaims;
import io.csvingest.intake.PickedUpFile;
import io.csvingest.ledger.LoadLedger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The last step in a file's transaction, where everything that must hold for its rows to commit is checked: the
 * counts add up (nothing went missing silently), something of it loaded, the file is still the file that was opened,
 * this instance's claim on it still holds (fencing); then the ledger's {@code loaded} mark joins the transaction, so
 * the rows and the mark commit together or neither does. Any failing check rolls the whole file back.
 */
public class CommitChecks implements Processor {

    private final LoadLedger ledger;
    private final FileClaims claims;

    public CommitChecks(LoadLedger ledger, FileClaims claims) {
        this.ledger = ledger;
        this.claims = claims;
    }

    @Override
    public void process(Exchange exchange) {
        FileLoad load = FileLoad.of(exchange);
        if (!load.reconciles()) {
            throw new IngestException("The row counts of " + load.fileName() + " do not add up (" + load.read()
                                      + " read, " + load.loaded() + " loaded, " + load.rejected() + " rejected, "
                                      + load.duplicates() + " duplicates, " + load.blank() + " blank, " + load.filtered()
                                      + " filtered); nothing was loaded. This is a bug: please report it with the file");
        }
        RejectFile rejected = RejectFile.of(exchange);
        if (load.loaded() == 0 && load.rejected() > 0) {
            // one rule for both load methods and any file size: a file of which nothing loads is not "loaded"
            throw new IngestException("None of the rows of " + load.fileName() + " could be loaded: " + load.rejected()
                                      + " were rejected (first, line " + rejected.first().line() + ": "
                                      + rejected.first().reason() + "), so nothing of it was loaded. The rejected rows"
                                      + " and their reasons are in the .rejects.csv file beside it");
        }
        PickedUpFile.of(exchange).checkUnchanged();
        if (claims != null) {
            claims.confirm(exchange);
        }
        ledger.loaded(LoadContext.of(exchange).get(LoadLedger.ENTRY), load);
    }
}
