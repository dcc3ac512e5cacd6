package io.csvingest.ops;

import java.net.InetAddress;
import java.nio.file.Path;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.csvingest.intake.FileClaims;
import io.csvingest.ledger.LoadLedger;
import io.csvingest.metrics.PipelineMetrics;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * The one HikariCP pool that camel-sql and camel-jdbc share, built from {@code db.*} and closed on shutdown; the
 * load ledger and the file claims on it, and the gate that keeps files in the inbox while the database does not answer.
 */
public class DataSourceConfiguration implements CamelConfiguration {

    @PropertyInject(value = "db.retry-initial-ms", defaultValue = "1000")
    private long retryInitial;
    @PropertyInject(value = "db.retry-max-ms", defaultValue = "30000")
    private long retryMax;
    @PropertyInject(value = "instance.name", defaultValue = "")
    private String instance;
    @PropertyInject(value = "camel.component.feed.inbox-dir", defaultValue = "inbox")
    private String inbox;
    @PropertyInject(value = "claims.lease-seconds", defaultValue = "30")
    private long leaseSeconds;

    @Override
    public void configure(CamelContext context) throws Exception {
        DataSource dataSource = context.getRegistry().lookupByNameAndType("dataSource", DataSource.class);
        String name = instance.isBlank() ? InetAddress.getLocalHost().getHostName() : instance;
        LoadLedger ledger = new LoadLedger(dataSource, name);
        context.getRegistry().bind("loadLedger", ledger);
        FileClaims claims = new FileClaims(dataSource, name, leaseSeconds,
                () -> context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "claim-heartbeat"));
        context.getRegistry().bind("fileClaims", claims);
        context.addService(claims);
        DatabaseGate gate = new DatabaseGate(context, dataSource, ledger, retryInitial, retryMax);
        context.getRegistry().bind("databaseGate", gate);
        claims.closeOnFailure(gate);
        context.addService(gate);
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            health.register(new DatabaseHealthCheck(gate));
        }
        PipelineMetrics metrics = new PipelineMetrics(context);
        context.getRegistry().bind("pipelineMetrics", metrics);
        context.addStartupListener((started, alreadyStarted) -> {
            if (!alreadyStarted) {
                metrics.watchInbox(Path.of(inbox));
            }
        });
    }

    @BindToRegistry(value = "dataSource", destroyMethod = "close")
    public HikariDataSource dataSource(
            @PropertyInject("db.url") String url,
            @PropertyInject("db.user") String user,
            @PropertyInject("{{db.password:}}") String password,
            @PropertyInject(value = "db.pool-size", defaultValue = "8") int poolSize,
            @PropertyInject(value = "db.connect-timeout-ms", defaultValue = "5000") long connectTimeoutMs) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("csv-ingest");
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        // db.password only where a test sets it (optional: a defaultValue of "" would count as none); the service
        // reads DB_PASSWORD_FILE or DB_PASSWORD itself, never through a placeholder: the password is used as it is
        pool.setPassword(password == null || password.isEmpty() ? new DatabasePassword().read() : password);
        pool.setMaximumPoolSize(poolSize);
        // start even while the database is still down; connections are tried when a file arrives
        pool.setInitializationFailTimeout(-1);
        // fail fast while the database is away: the gate retries with backoff, files wait in the inbox
        pool.setConnectionTimeout(connectTimeoutMs);
        pool.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, connectTimeoutMs / 1000)));
        // multi-row INSERTs from JDBC batches; text parameters typed by the server from the target column
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        pool.addDataSourceProperty("stringtype", "unspecified");
        pool.addDataSourceProperty("ApplicationName", "csv-ingest");
        // a node that vanishes (no FIN) must not keep its file's transaction and locks open for hours: PostgreSQL
        // probes an idle connection after 30 s and drops it after 3 unanswered probes 10 s apart
        pool.addDataSourceProperty("tcpKeepAlive", "true");
        pool.setConnectionInitSql("SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3");
        return pool;
    }
}
