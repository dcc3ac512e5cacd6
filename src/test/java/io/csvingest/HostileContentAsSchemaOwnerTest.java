package io.csvingest;

import io.csvingest.support.HostileWorld;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.TestInstance;

/** {@link HostileContentSuite} with the service connected as a role that owns one schema and nothing else (the README's least-privilege example). */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_" + HostileContentAsSchemaOwnerTest.NAME,
        "db.user=csv_ingest_" + HostileContentAsSchemaOwnerTest.NAME,
        "db.password=",
        "instance.name=" + HostileContentAsSchemaOwnerTest.NAME,
        "feeds.dir=target/" + HostileContentAsSchemaOwnerTest.NAME + "/routes",
        "camel.component.feed.inbox-dir=target/" + HostileContentAsSchemaOwnerTest.NAME + "/inbox",
        "camel.component.feed.outbox-dir=target/" + HostileContentAsSchemaOwnerTest.NAME + "/outbox",
        "camel.component.feed.deadletter-dir=target/" + HostileContentAsSchemaOwnerTest.NAME + "/deadletter",
        HostileWorld.POLL, HostileWorld.CHECK, HostileWorld.MIN_AGE, HostileWorld.SWEEP, HostileWorld.STALL,
        HostileWorld.BATCH, HostileWorld.RETRY, HostileWorld.RETRY_MAX, HostileWorld.FEEDS_POLL, HostileWorld.LEASE
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileContentAsSchemaOwnerTest extends HostileContentSuite {

    static final String NAME = "hostile_content_owner";

    HostileContentAsSchemaOwnerTest() {
        super(new HostileWorld(NAME, false));
    }
}
