package io.csvingest.load;

import java.util.List;

import io.csvingest.clean.CleanedHeader;
import io.csvingest.clean.Coercer;
import io.csvingest.clean.Coercion;
import io.csvingest.clean.ColumnTypes;
import io.csvingest.clean.RowBatch;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.ColumnType;
import io.csvingest.feed.ValueFormats;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a batch loads: a value that did not fit a column that may widen ({@link ColumnTypes}) widens the column to
 * the narrowest wider type that takes it ({@link ColumnType#wider()}), with {@code ALTER TABLE ... ALTER COLUMN ...
 * TYPE} through the {@code widen-column} route in the file's transaction, and loads. When the database refuses to
 * change the column (a view depends on it...), the column stops widening and such values reject their rows.
 */
public final class Widening {

    private static final Logger LOG = LoggerFactory.getLogger(Widening.class);

    private final ProducerTemplate template;
    /** In a dry run (a check): where the ALTER statements go instead of the database (else null). */
    private final List<String> dryRun;

    Widening(ProducerTemplate template) {
        this.template = template;
        this.dryRun = null;
    }

    private Widening(List<String> dryRun) {
        this.template = null;
        this.dryRun = dryRun;
    }

    /** Widens as a load would, but only adds the ALTER statements to {@code statements}: nothing reaches the database. */
    public static Widening dryRun(List<String> statements) {
        return new Widening(statements);
    }

    /** Resolves the batch's unfit values; runs while no COPY is open on the file's connection. */
    public void resolve(Exchange exchange, RowBatch batch) throws Exception {
        if (batch.unfitValues() == 0) {
            return;
        }
        ColumnTypes types = LoadContext.of(exchange).get(Coercer.TYPES);
        ValueFormats formats = LoadContext.of(exchange).feed().formats();
        List<String> columns = CleanedHeader.of(exchange).columns();
        for (int i = 0; i < batch.unfitValues(); i++) {
            int r = batch.unfitRecord(i);
            int column = batch.unfitColumn(i);
            if (!batch.live(r)) {
                continue; // rejected for another value
            }
            String value = batch.value(r, column);
            ColumnType now = types.get(column);
            String canonical = fit(now, value, formats);
            if (canonical == null && types.widenable(column)) {
                ColumnType wider = narrowestFitting(now, value, formats);
                if (alter(exchange, column, now, wider, columns.get(column), batch.line(r))) {
                    types.widen(column, wider);
                    now = wider;
                    canonical = fit(now, value, formats);
                } else {
                    types.stopWidening(column);
                }
            }
            if (canonical == null) {
                batch.reject(r, columns.get(column), reason(now, value, formats));
            } else if (!canonical.equals(value)) {
                batch.set(r, column, canonical);
            }
        }
    }

    /** The value's canonical text as {@code type}, or null when it is none. */
    static String fit(ColumnType type, String value, ValueFormats formats) {
        try {
            String canonical = Coercion.coerce(type, value, formats);
            // a timestamp ignores an offset, which would lose what the value says: that needs timestamptz
            return type == ColumnType.TIMESTAMP && ColumnType.TIMESTAMPTZ.accepts(value.strip()) ? null : canonical;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The narrowest type wider than {@code type} that takes the value (text takes any). */
    static ColumnType narrowestFitting(ColumnType type, String value, ValueFormats formats) {
        ColumnType candidate = type.wider();
        while (candidate != ColumnType.TEXT && fit(candidate, value, formats) == null) {
            candidate = candidate.wider();
        }
        return candidate;
    }

    private static String reason(ColumnType type, String value, ValueFormats formats) {
        try {
            Coercion.coerce(type, value, formats);
            return "'" + value + "' does not fit column type " + type.sql();
        } catch (IllegalArgumentException e) {
            return Coercer.reason(value, e, type) + "; the column could not be widened";
        }
    }

    /** Changes the column's type in a savepoint of the file's transaction; false when the database refused. */
    private boolean alter(Exchange exchange, int fileColumn, ColumnType from, ColumnType to, String column, long line)
            throws Exception {
        TablePlan plan = TablePlan.of(exchange);
        int loaded = loadedColumn(plan, fileColumn);
        if (dryRun != null) {
            dryRun.addAll(plan.widenSql(loaded, to.sql()));
            LoadContext.of(exchange).replace(TablePlan.PART, plan.widened(loaded, to.sql()));
            FileLoad.of(exchange).tableChanges().widened(column, from.sql(), to.sql());
            return true;
        }
        Exception failure = FileTransaction.inSavepoint(exchange, () -> {
            for (String sql : plan.widenSql(loaded, to.sql())) {
                Exception refused = template.send("direct:widen-column", alter -> alter.getIn().setBody(sql)).getException();
                if (refused != null) {
                    return refused;
                }
            }
            return null;
        });
        String file = LoadContext.fileName(exchange);
        if (failure != null) {
            LOG.warn("{}: could not widen column {} of {} from {} to {} for a value on line {}: {}; such values reject"
                     + " their rows", file, column, plan.table(), from.sql(), to.sql(), line, failure.getMessage());
            return false;
        }
        LoadContext.of(exchange).replace(TablePlan.PART, plan.widened(loaded, to.sql()));
        FileLoad.of(exchange).tableChanges().widened(column, from.sql(), to.sql());
        LOG.info("{}: widened column {} of {} from {} to {} for a value on line {}", file, column, plan.table(),
                from.sql(), to.sql(), line);
        return true;
    }

    private static int loadedColumn(TablePlan plan, int fileColumn) {
        for (int column = 0; column < plan.columns().size(); column++) {
            if (plan.field(column) == fileColumn) {
                return column;
            }
        }
        throw new IllegalStateException("file column " + fileColumn + " is not loaded");
    }
}
