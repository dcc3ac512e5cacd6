package io.csvingest.intake;

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
    void should_refuse_a_batch_size_below_one() {
        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("feed:orders?batchSize=0"));
    }
}
