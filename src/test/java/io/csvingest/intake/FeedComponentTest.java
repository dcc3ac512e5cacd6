package io.csvingest.intake;

import java.util.List;

import io.csvingest.feed.ColumnSpec;
import io.csvingest.feed.ColumnType;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feed: endpoint options, their defaults and validation. */
class FeedComponentTest {

    private final CamelContext context = new DefaultCamelContext();

    @BeforeEach
    void start() {
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void should_bind_feed_options_and_default_the_batch_size_from_the_component() {
        FeedComponent component = context.getComponent("feed", FeedComponent.class);
        component.setBatchSize(250);
        FeedEndpoint feed = context.getEndpoint("feed:orders?include=RAW(orders-.*\\.csv)&table=orders", FeedEndpoint.class);
        assertEquals("orders", feed.getName());
        assertEquals("orders-.*\\.csv", feed.getInclude());
        assertEquals("orders", feed.getTable());
        assertEquals(250, feed.getBatchSize());
    }

    @Test
    void should_refuse_an_unknown_feed_option_by_name() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("feed:orders?tabel=orders"));
        assertTrue(e.getMessage().contains("tabel"), e.getMessage());
    }

    @Test
    void should_refuse_invalid_option_values_with_the_reason() {
        assertRefused("feed:orders?batchSize=0", "batchSize must be at least 1");
        assertRefused("feed:orders?mode=merge", "Unknown mode 'merge'");
        assertRefused("feed:orders?mode=upsert", "upsert but no keys");
        assertRefused("feed:orders?include=RAW([a-)", "not a valid regular expression");
        assertRefused("feed:orders?table=Orders", "lower_snake_case");
        assertRefused("feed:orders?folder=../etc", "plain subfolder");
        assertRefused("feed:orders?columns=RAW(id:money)", "Unknown column type 'money'");
        assertRefused("feed:orders?rowSteps=log:x", "direct:");
        assertRefused("feed:orders?schema=pg_catalog", "belongs to PostgreSQL itself");
        assertRefused("feed:orders?schema=information_schema", "belongs to PostgreSQL itself");
        assertRefused("feed:orders?schema=pg_toast", "belongs to PostgreSQL itself");
        assertRefused("feed:orders?table=csv_ingest_ledger", "belongs to csv-ingest itself");
        assertRefused("feed:orders?table=pg_class", "starts with pg_");
    }

    @Test
    void should_parse_column_mappings_with_types() {
        assertEquals(List.of(new ColumnSpec("order_id", "order_id", ColumnType.BIGINT),
                        new ColumnSpec("customer_name", "customer", null),
                        new ColumnSpec("x", "x", ColumnType.DOUBLE)),
                ColumnSpec.parseAll("Order ID:bigint, Customer Name=customer, x:double precision"));
        assertEquals(List.of(new ColumnSpec("ratio_a_b", "ratio", null)), ColumnSpec.parseAll("Ratio A:B=ratio"));
        assertThrows(IllegalArgumentException.class, () -> ColumnSpec.parseAll("a=x, A=y"));
    }

    private void assertRefused(String uri, String reason) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        String messages = e.getMessage() + (e.getCause() == null ? "" : " / " + e.getCause().getMessage())
                          + (e.getCause() == null || e.getCause().getCause() == null ? "" : " / " + e.getCause().getCause().getMessage());
        assertTrue(messages.contains(reason), uri + " -> " + messages);
    }

    @Test
    void should_load_with_copy_by_default_and_with_insert_when_asked() {
        assertEquals("copy", context.getEndpoint("feed:a", FeedEndpoint.class).getMethod());
        assertEquals("insert", context.getEndpoint("feed:b?method=insert", FeedEndpoint.class).getMethod());
        context.getComponent("feed", FeedComponent.class).setLoadMethod("insert");
        assertEquals("insert", context.getEndpoint("feed:c", FeedEndpoint.class).getMethod());
        assertEquals("copy", context.getEndpoint("feed:d?method=COPY", FeedEndpoint.class).getMethod());
        assertEquals("copy", context.getEndpoint("feed:e?mode=upsert&keys=id&method=copy", FeedEndpoint.class).getMethod());
        assertRefused("feed:f?method=bulk", "Unknown method 'bulk'; use one of copy, insert");
        assertRefused("feed:g?mode=upsert&keys=id&concurrentFiles=2", "concurrentFiles is for append feeds");
        assertRefused("feed:h?concurrentFiles=0", "at least 1");
        assertEquals(2, context.getEndpoint("feed:i", FeedEndpoint.class).getConcurrentFiles());
    }
}
