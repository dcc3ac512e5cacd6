package io.csvingest.ops;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/** The one HikariCP pool that camel-sql and camel-jdbc share, built from {@code db.*} and closed on shutdown. */
public class DataSourceConfiguration implements CamelConfiguration {

    @BindToRegistry(value = "dataSource", destroyMethod = "close")
    public HikariDataSource dataSource(
            @PropertyInject("db.url") String url,
            @PropertyInject("db.user") String user,
            @PropertyInject("db.password") String password,
            @PropertyInject(value = "db.pool-size", defaultValue = "4") int poolSize) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("csv-ingest");
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(poolSize);
        // start even while the database is still down; connections are tried when a file arrives
        pool.setInitializationFailTimeout(-1);
        // multi-row INSERTs from JDBC batches; text parameters typed by the server from the target column
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        pool.addDataSourceProperty("stringtype", "unspecified");
        pool.addDataSourceProperty("ApplicationName", "csv-ingest");
        return pool;
    }
}
