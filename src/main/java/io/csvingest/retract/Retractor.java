package io.csvingest.retract;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import io.csvingest.SqlFile;
import io.csvingest.load.TableLock;
import io.csvingest.load.TableName;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one load's rows out of its table again, in one transaction: the load's ledger row locked (so of two
 * retractions of one load only the first removes anything), the table's lock taken as a replace or upsert load takes
 * it (so a load into the table waits, or is waited for), the rows whose {@code _load_id} is the load's deleted, and
 * the ledger row marked retracted, with when, by which instance and how many rows. Rows a later upsert load wrote
 * over carry that load's id and stay. Refused, with nothing changed: a load that was not loaded or is retracted, a
 * table without lineage, a replace load that is not the table's latest.
 */
public final class Retractor implements Processor {

    private static final String ENTRY = SqlFile.read("retract-entry");
    private static final String LATER_LOAD = SqlFile.read("retract-later-load");
    private static final String MARK = SqlFile.read("retract-mark");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String instance;

    public Retractor(DataSource dataSource, String instance) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.instance = instance;
    }

    @Override
    public void process(Exchange exchange) {
        Retraction retraction = RetractFolder.of(exchange);
        retraction.done(transactions.execute(status -> retract(retraction.loadId())));
    }

    private Retraction.Done retract(long id) {
        List<Map<String, Object>> entries = jdbc.queryForList(ENTRY, id);
        if (entries.isEmpty()) {
            throw new RetractRefused("There is no load " + id + " in the ledger");
        }
        Map<String, Object> entry = entries.get(0);
        String file = String.valueOf(entry.get("file_name"));
        String mode = (String) entry.get("mode");
        TableName table = new TableName(String.valueOf(entry.get("target_schema")), String.valueOf(entry.get("target_table")));
        String load = "Load " + id + " (" + file + " into " + table + ")";
        if ("retracted".equals(entry.get("status"))) {
            throw new RetractRefused(load + " was retracted already, at " + entry.get("retracted_at") + " by "
                                     + entry.get("retracted_by"));
        }
        if (!"loaded".equals(entry.get("status"))) {
            throw new RetractRefused(load + " did not load (" + entry.get("status") + "): it put no rows in to take out");
        }
        if (!Boolean.TRUE.equals(entry.get("table_exists"))) {
            throw new RetractRefused(load + ": table " + table + " no longer exists");
        }
        if (!Boolean.TRUE.equals(entry.get("has_lineage"))) {
            throw new RetractRefused(load + ": its rows cannot be told from others, as its feed loads without lineage"
                                     + " (table " + table + " has no _load_id column). Set lineage: true on the feed:"
                                     + " the loads from then on can be retracted");
        }
        if (mode == null) {
            throw new RetractRefused(load + " was made by a csv-ingest older than retraction (the ledger lacks its mode):"
                                     + " only loads from this version on can be retracted");
        }
        // as a replace or upsert load: a load into the table waits for this, or this for it
        TableLock.lockAlone(jdbc, table.schema() + "." + table.table());
        if ("replace".equals(mode)) {
            List<Map<String, Object>> later = jdbc.queryForList(LATER_LOAD, table.schema(), table.table(), id);
            if (!later.isEmpty()) {
                throw new RetractRefused(load + " was a replace, and table " + table + " holds a later load's rows now"
                                         + " (load " + later.get(0).get("id") + ", " + later.get(0).get("file_name")
                                         + "): only the table's latest replace load can be retracted");
            }
        }
        int removed = jdbc.update("DELETE FROM " + table.sql() + " WHERE _load_id = ?", id);
        Timestamp at = jdbc.queryForObject(MARK, Timestamp.class, instance, removed, id);
        long loaded = entry.get("rows_loaded") == null ? removed : ((Number) entry.get("rows_loaded")).longValue();
        return new Retraction.Done(id, file, table.toString(), mode, loaded, removed, Math.max(0, loaded - removed),
                at.toInstant(), instance);
    }
}
