package io.csvingest.ops;

import java.nio.file.Path;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The first lines a user reads: where files go in and out, where feeds come from, which database (never a password). */
public class StartupBanner implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    @PropertyInject("camel.component.feed.inbox-dir")
    private String inbox;
    @PropertyInject("camel.component.feed.outbox-dir")
    private String outbox;
    @PropertyInject("camel.component.feed.deadletter-dir")
    private String deadLetter;
    @PropertyInject("feeds.dir")
    private String feeds;
    @PropertyInject("db.url")
    private String url;
    @PropertyInject("db.user")
    private String user;
    @PropertyInject(value = "camel.management.port", defaultValue = "9876")
    private String managementPort;

    @Override
    public void configure(CamelContext context) throws Exception {
        context.addStartupListener((started, alreadyStarted) -> {
            if (!alreadyStarted) {
                banner();
            }
        });
    }

    private void banner() {
        LOG.info(
                "csv-ingest: drop CSV files into {} -> loaded files go to {}, failed ones to {}; feeds from {};"
                + " database {} as {}; health and metrics on port {} (/observe/health/ready, /observe/metrics)",
                absolute(inbox), absolute(outbox), absolute(deadLetter), absolute(feeds), database(url), user,
                managementPort);
    }

    /** {@code jdbc:postgresql://db:5432/csv_ingest?password=x} → {@code db:5432/csv_ingest}: no parameters, no secrets. */
    static String database(String jdbcUrl) {
        String plain = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        int query = plain.indexOf('?');
        plain = query < 0 ? plain : plain.substring(0, query);
        int at = plain.lastIndexOf('@');
        return at < 0 ? plain : plain.substring(at + 1);
    }

    private static Path absolute(String folder) {
        return Path.of(folder).toAbsolutePath().normalize();
    }
}
