package io.csvingest.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.csvingest.StartupRefused;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service refuses to start, saying why in one line, when its management port is taken. */
class ManagementPortTest {

    @Test
    void should_refuse_a_taken_port_naming_it_and_the_variable_to_change() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            StartupRefused refused = assertThrows(StartupRefused.class,
                    () -> ManagementPort.check("127.0.0.1", taken.getLocalPort()));
            assertTrue(refused.getMessage().startsWith("Not starting: the management port 127.0.0.1:" + taken.getLocalPort()),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("set MANAGEMENT_PORT to a free port"), refused.getMessage());
        }
    }

    @Test
    void should_accept_a_free_port() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        int port = free;
        assertDoesNotThrow(() -> ManagementPort.check("127.0.0.1", port));
    }
}
