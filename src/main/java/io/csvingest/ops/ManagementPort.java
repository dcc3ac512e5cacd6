package io.csvingest.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import io.csvingest.StartupRefused;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/**
 * Refuses to start when the management port is taken: without it there is no health check and no metrics, and an
 * orchestrator would never see the service ready (Camel's HTTP server would only log the clash and run on without).
 */
public class ManagementPort implements CamelConfiguration {

    @PropertyInject(value = "camel.management.host", defaultValue = "127.0.0.1")
    private String host;
    @PropertyInject(value = "camel.management.port", defaultValue = "9876")
    private int port;

    @Override
    public void configure(CamelContext context) {
        check(host, port);
    }

    /** Binds the address for a moment; a clear reason when it cannot (taken, or no such address here). */
    static void check(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupRefused("Not starting: the management port " + host + ":" + port + " (health and metrics)"
                                      + " cannot be opened: " + e.getMessage() + ". Stop what uses it, or set"
                                      + " MANAGEMENT_PORT to a free port (MANAGEMENT_HOST to another address)");
        }
    }
}
