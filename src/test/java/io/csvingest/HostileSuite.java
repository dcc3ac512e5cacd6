package io.csvingest;

import java.io.IOException;

import io.csvingest.support.HostileWorld;
import io.csvingest.support.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** What every hostile-input suite has: its {@link HostileWorld} (made before the cases, dropped after) and the log. */
abstract class HostileSuite {

    final HostileWorld world;
    final LogCapture log = LogCapture.attach();

    HostileSuite(HostileWorld world) {
        this.world = world;
    }

    @BeforeAll
    void createWorld() throws IOException {
        world.create();
    }

    @AfterAll
    void dropWorld() {
        world.drop();
    }
}
