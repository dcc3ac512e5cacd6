package io.csvingest;

import io.csvingest.support.HostileWorld;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.TestInstance;

/** {@link HostileContentSuite} with the service connected as the test server's superuser. */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_" + HostileContentAsSuperuserTest.NAME,
        "db.user={{env:TEST_PG_USER:postgres}}",
        "db.password={{env:TEST_PG_PASSWORD:}}",
        "instance.name=" + HostileContentAsSuperuserTest.NAME,
        "feeds.dir=target/" + HostileContentAsSuperuserTest.NAME + "/routes",
        "camel.component.feed.inbox-dir=target/" + HostileContentAsSuperuserTest.NAME + "/inbox",
        "camel.component.feed.outbox-dir=target/" + HostileContentAsSuperuserTest.NAME + "/outbox",
        "camel.component.feed.deadletter-dir=target/" + HostileContentAsSuperuserTest.NAME + "/deadletter",
        HostileWorld.POLL, HostileWorld.CHECK, HostileWorld.MIN_AGE, HostileWorld.SWEEP, HostileWorld.STALL,
        HostileWorld.BATCH, HostileWorld.RETRY, HostileWorld.RETRY_MAX, HostileWorld.FEEDS_POLL, HostileWorld.LEASE
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileContentAsSuperuserTest extends HostileContentSuite {

    static final String NAME = "hostile_content_su";

    HostileContentAsSuperuserTest() {
        super(new HostileWorld(NAME, true));
    }
}
