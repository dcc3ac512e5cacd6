package io.csvingest.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The banner names the database without parameters or credentials. */
class StartupBannerTest {

    @Test
    void should_show_host_port_and_database_only() {
        assertEquals("db:5432/csv_ingest", StartupBanner.database("jdbc:postgresql://db:5432/csv_ingest?password=x&ssl=true"));
        assertEquals("db/csv", StartupBanner.database("jdbc:postgresql://user:secret@db/csv"));
    }
}
