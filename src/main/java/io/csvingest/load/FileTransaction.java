package io.csvingest.load;

import java.util.function.Supplier;
import javax.sql.DataSource;

import io.csvingest.context.LoadContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * One database transaction per file, so a file's table creation, rows and ledger mark commit together or not at
 * all: after a crash or kill -9 PostgreSQL rolls the open transaction back and the file, still in the inbox, loads
 * again from the start. Chosen over a staging table or delete-before-reload: nothing to clean up, no partial reads.
 */
public class FileTransaction implements Policy {

    /** The file's transaction, for savepoints around each attempt to insert rows. */
    static final LoadContext.Part<TransactionStatus> STATUS = LoadContext.part("transaction", "FileTransaction (route load-file)");

    private final PlatformTransactionManager transactions;

    public FileTransaction(DataSource dataSource) {
        this.transactions = new DataSourceTransactionManager(dataSource);
    }

    /**
     * Runs {@code attempt} (which returns its failure, or null) inside a savepoint of the file's transaction: when it
     * fails, only its own changes are undone and the transaction goes on, which PostgreSQL refuses after an error
     * without one. Returns the failure. If even the rollback fails (the connection is gone), the attempt's failure is
     * thrown with the rollback's attached: the file's transaction is lost.
     */
    public static Exception inSavepoint(Exchange exchange, Supplier<Exception> attempt) throws Exception {
        Object savepoint = savepoint(exchange);
        Exception failure = attempt.get();
        endSavepoint(exchange, savepoint, failure);
        return failure;
    }

    /** A new savepoint of the file's transaction, to be ended by {@link #endSavepoint}. */
    static Object savepoint(Exchange exchange) {
        return LoadContext.of(exchange).get(STATUS).createSavepoint();
    }

    /** Rolls back to the savepoint when there was a {@code failure}, then releases it; see {@link #inSavepoint}. */
    static void endSavepoint(Exchange exchange, Object savepoint, Exception failure) throws Exception {
        TransactionStatus transaction = LoadContext.of(exchange).get(STATUS);
        try {
            if (failure != null) {
                transaction.rollbackToSavepoint(savepoint);
            }
            transaction.releaseSavepoint(savepoint);
        } catch (RuntimeException rollbackFailure) {
            Exception original = failure != null ? failure : rollbackFailure;
            if (original != rollbackFailure) {
                original.addSuppressed(rollbackFailure);
            }
            throw original;
        }
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    /**
     * Runs the wrapped steps on this thread inside a transaction bound to it: camel-sql's JdbcTemplate finds the
     * bound connection (Spring's DataSourceUtils), so every batch joins it. Any exception rolls everything back.
     */
    @Override
    public Processor wrap(Route route, Processor steps) {
        return exchange -> {
            TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
            LoadContext.of(exchange).set(STATUS, transaction);
            try {
                steps.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null || exchange.isRollbackOnly()) {
                try {
                    CopyPipeline.abandon(exchange);
                    InsertPipeline.abandon(exchange);
                    transactions.rollback(transaction);
                } catch (RuntimeException lostConnection) {
                    // the connection is gone: PostgreSQL rolls the transaction back itself; keep the first failure
                    if (exchange.getException() != null) {
                        exchange.getException().addSuppressed(lostConnection);
                    }
                }
            } else {
                transactions.commit(transaction);
            }
        };
    }
}
