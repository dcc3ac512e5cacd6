package io.csvingest.load;

import java.util.Optional;
import javax.sql.DataSource;

import io.csvingest.IngestException;
import io.csvingest.RetryLater;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import io.csvingest.feed.LoadMode;
import io.csvingest.ledger.LedgerStart;
import io.csvingest.ledger.LoadLedger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first step of a file's transaction: transaction-scoped advisory locks that keep loads into one table from
 * colliding, whichever feed or instance runs them. Appending to an existing table shares the table's lock (appends
 * run side by side) and takes the lock of its content, so two copies of one file cannot both load; creating the
 * table, replace and upsert take the table's lock alone. Under the locks the duplicate check is made again: content
 * another load committed meanwhile makes this file wait, then be skipped as a duplicate.
 */
public class TableLock implements Processor {

    /** First keys of the lock pairs: this service's locks, apart from other users of advisory locks. */
    private static final int TABLE_LOCKS = 0x63737669;
    private static final int CONTENT_LOCKS = 0x63737663;

    private final JdbcTemplate jdbc;
    private final LoadLedger ledger;

    public TableLock(DataSource dataSource, LoadLedger ledger) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.ledger = ledger;
    }

    @Override
    public void process(Exchange exchange) {
        FileLoad load = FileLoad.of(exchange);
        String target = load.target();
        // all on the file's transaction: released when it commits or rolls back (also when the instance dies)
        Boolean exists = jdbc.queryForObject("SELECT CASE WHEN to_regnamespace(quote_ident(?)) IS NULL THEN NULL"
                                             + " ELSE to_regclass(quote_ident(?) || '.' || quote_ident(?)) IS NOT NULL END",
                Boolean.class, load.schema(), load.schema(), load.table());
        if (exists == null) {
            throw new IngestException("Schema " + load.schema() + " does not exist in the database: create it (CREATE"
                                      + " SCHEMA, owned by the service's user) or correct the feed's schema");
        }
        if (exists && LoadContext.of(exchange).feed().mode() == LoadMode.APPEND) {
            lock("pg_advisory_xact_lock_shared", TABLE_LOCKS, target);
            lock("pg_advisory_xact_lock", CONTENT_LOCKS, target + "/" + LedgerStart.checksum(exchange).sha256());
        } else {
            lock("pg_advisory_xact_lock", TABLE_LOCKS, target);
        }
        Optional<String> previous = LedgerStart.previousLoad(ledger, exchange);
        if (previous.isPresent()) {
            throw new RetryLater("the same content was loaded into table " + target + " meanwhile, from "
                                 + previous.get() + "; the file is looked at again and skipped as a duplicate");
        }
    }

    /**
     * Takes table {@code target}'s lock alone ({@code schema.table}), on the transaction bound to the thread, as
     * replace and upsert loads do: for another writer of the table's rows (a retraction) that loads must not meet.
     */
    public static void lockAlone(JdbcTemplate jdbc, String target) {
        jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> { }, TABLE_LOCKS, target);
    }

    /** {@code key}: the schema-qualified table (and content); the schema is part of it, so equal names in two schemas never meet. */
    private void lock(String function, int lockClass, String key) {
        jdbc.query("SELECT " + function + "(?, hashtext(?))", rs -> { }, lockClass, key);
    }
}
