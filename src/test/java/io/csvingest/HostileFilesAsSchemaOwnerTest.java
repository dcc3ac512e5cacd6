package io.csvingest;

import io.csvingest.support.HostileWorld;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.TestInstance;

/** {@link HostileFilesSuite} with the service connected as a role that owns one schema and nothing else (the README's least-privilege example). */
@CamelMainTest(mainClass = Main.class, properties = {
        "db.url={{env:TEST_PG_URL:jdbc:postgresql://127.0.0.1:5432/}}csv_ingest_" + HostileFilesAsSchemaOwnerTest.NAME,
        "db.user=csv_ingest_" + HostileFilesAsSchemaOwnerTest.NAME,
        "db.password=",
        "instance.name=" + HostileFilesAsSchemaOwnerTest.NAME,
        "feeds.dir=target/" + HostileFilesAsSchemaOwnerTest.NAME + "/routes",
        "camel.component.feed.inbox-dir=target/" + HostileFilesAsSchemaOwnerTest.NAME + "/inbox",
        "camel.component.feed.outbox-dir=target/" + HostileFilesAsSchemaOwnerTest.NAME + "/outbox",
        "camel.component.feed.deadletter-dir=target/" + HostileFilesAsSchemaOwnerTest.NAME + "/deadletter",
        HostileWorld.POLL, HostileWorld.CHECK, HostileWorld.MIN_AGE, HostileWorld.SWEEP, HostileWorld.STALL,
        HostileWorld.BATCH, HostileWorld.RETRY, HostileWorld.RETRY_MAX, HostileWorld.FEEDS_POLL, HostileWorld.LEASE
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFilesAsSchemaOwnerTest extends HostileFilesSuite {

    static final String NAME = "hostile_files_owner";

    HostileFilesAsSchemaOwnerTest() {
        super(new HostileWorld(NAME, false));
    }
}
