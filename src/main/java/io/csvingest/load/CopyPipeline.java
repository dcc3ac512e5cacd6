package io.csvingest.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import io.csvingest.clean.RowBatch;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import io.csvingest.feed.LoadMethod;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A file's COPY stream, one batch ahead: a batch's rows are sent with {@code COPY ... FROM STDIN} through PgJDBC's
 * CopyManager on the file's pooled connection, in a savepoint, and the COPY is ended only when the next batch is
 * ready. So PostgreSQL stores one batch while the service parses and cleans the next, on the other core. An upsert's
 * batch is copied into its {@link TablePlan.Stage staging table} and merged into the target through camel-sql (route
 * {@code stage-sql}) in the same savepoint, while the next batch is cleaned ({@link StageMerge}): a refused row undoes
 * the batch's merge as well.
 */
public final class CopyPipeline {

    /** The COPY stream of the file in flight; absent when it loads with INSERT. */
    static final LoadContext.Part<CopyPipeline> PART = LoadContext.part("COPY stream", "CopyPipeline.prepare");

    /**
     * A batch sent but not yet ended: the batch, its savepoint and stream, a failure while sending, time spent on it;
     * {@code merge}: an upsert batch's COPY end and merge, under way (else null).
     */
    record Pending(RowBatch batch, int[] rows, Object savepoint, CopyIn copy, Exception failure, long nanos,
                   Future<Exception> merge) {
    }

    /**
     * SQL states of a COPY PostgreSQL will not run into this target at all, where INSERT may work: not a table (a
     * view), row-level security. The plan avoids both ({@link TablePlan#copyable()}); this is the safety net.
     */
    private static final Set<String> NOT_COPYABLE = Set.of("42809", "0A000");

    private final DataSource dataSource;
    private final StageMerge merging;
    private final String copySql;
    private final int[] fields;
    private Pending pending;
    private boolean refused;

    private CopyPipeline(DataSource dataSource, StageMerge merging, String copySql, int[] fields) {
        this.fields = fields;
        this.dataSource = dataSource;
        this.merging = merging;
        this.copySql = copySql;
    }

    /**
     * Sets up the stream for a file that loads with COPY into a table COPY can fill, before its batches are split off;
     * {@code template} sends an upsert's stage statements, on a thread of {@code merges}.
     */
    public static void prepare(Exchange exchange, DataSource dataSource, ProducerTemplate template, ExecutorService merges) {
        if (LoadContext.of(exchange).feed().method() == LoadMethod.COPY && TablePlan.of(exchange).copyable()) {
            LoadContext.of(exchange).set(PART, new CopyPipeline(dataSource, new StageMerge(new AsideThread(dataSource, merges), template),
                    TablePlan.of(exchange).copySql(), TablePlan.of(exchange).fields()));
        }
    }

    static CopyPipeline of(Exchange exchange) {
        return LoadContext.of(exchange).find(PART).orElse(null);
    }

    /** False once PostgreSQL said the target cannot be copied into (a view): the file's rows go as INSERTs then. */
    boolean usable() {
        return !refused;
    }

    /** True when the failure says COPY is not possible for this target at all; later batches then insert. */
    boolean notCopyable(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && NOT_COPYABLE.contains(sql.getSQLState())) {
                refused = true;
            }
        }
        return refused;
    }

    /** Sends the batch's live rows in a new savepoint, leaving the COPY open; a failure while sending is kept for {@link #take}. */
    void send(Exchange exchange, RowBatch batch) {
        int[] rows = batch.live();
        long started = System.nanoTime();
        Object savepoint = FileTransaction.savepoint(exchange);
        CopyIn copy = null;
        Exception failure = null;
        try {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            CopyIn stream = copy;
            CopyText text = new CopyText((bytes, length) -> stream.writeToCopy(bytes, 0, length), fields,
                    TablePlan.of(exchange).lineage());
            for (int r : rows) {
                text.row(batch, r);
            }
            text.flush();
            copy.flushCopy();
        } catch (SQLException | RuntimeException e) {
            failure = e;
        }
        TablePlan.Stage stage = TablePlan.of(exchange).stage();
        Future<Exception> merge = failure == null && stage != null ? merging.start(copy, stage) : null;
        pending = new Pending(batch, rows, savepoint, copy, failure, System.nanoTime() - started, merge);
    }

    /**
     * Ends the COPY sent last (waiting for PostgreSQL to store it), releases or rolls back its savepoint, and returns
     * it with its failure, if any; null when nothing is pending.
     */
    Pending take(Exchange exchange) throws Exception {
        Pending sent = pending;
        if (sent == null) {
            return null;
        }
        pending = null;
        long started = System.nanoTime();
        Exception failure = sent.failure();
        if (sent.merge() != null) {
            failure = AsideThread.await(sent.merge());
        } else if (failure == null) {
            try {
                sent.copy().endCopy();
            } catch (SQLException | RuntimeException e) {
                failure = e;
            }
        }
        cancel(sent.copy(), failure);
        FileTransaction.endSavepoint(exchange, sent.savepoint(), failure);
        return new Pending(sent.batch(), sent.rows(), null, null, failure, sent.nanos() + System.nanoTime() - started,
                null);
    }

    /** Abandons the COPY in flight, if any, so the file's transaction can roll back (the file failed elsewhere). */
    static void abandon(Exchange exchange) {
        CopyPipeline pipeline = of(exchange);
        if (pipeline != null && pipeline.pending != null) {
            Pending sent = pipeline.pending;
            pipeline.pending = null;
            if (sent.merge() != null) {
                AsideThread.drain(sent.merge());
            }
            cancel(sent.copy(), exchange.getException() != null ? exchange.getException() : new IllegalStateException());
        }
    }

    static void cancel(CopyIn copy, Exception failure) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException cancelFailure) {
                if (failure != null) {
                    failure.addSuppressed(cancelFailure);
                }
            }
        }
    }
}
