package io.csvingest;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** Starts csv-ingest: a camel-main application that finds its routes and configuration in this package. */
public final class Main {

    private Main() {
    }

    /**
     * Runs until SIGTERM (docker stop) or SIGINT: then Camel stops gracefully (the file in flight finishes within the
     * shutdown timeout, else rolls back and stays in the inbox) and the process exits 0, not the JVM's 143.
     */
    public static void main(String... args) throws Exception {
        if ("json".equalsIgnoreCase(System.getenv("LOG_FORMAT"))) {
            // before the first logger exists: the JSON layout merged over the usual configuration
            System.setProperty("log4j2.configurationFile", "log4j2.properties,log4j2-json.properties");
        }
        org.apache.camel.main.Main main = new org.apache.camel.main.Main(Main.class);
        AtomicInteger signals = new AtomicInteger();
        for (String signal : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(signal), received -> {
                if (signals.incrementAndGet() == 1) {
                    main.completed();
                } else {
                    // asked twice: stop now; the database rolls back the file in flight, which stays in the inbox
                    Runtime.getRuntime().halt(130);
                }
            });
        }
        try {
            main.run(args);
        } catch (Exception e) {
            StartupRefused refused = refusal(e);
            if (refused == null) {
                throw e;
            }
            LoggerFactory.getLogger(Main.class).error(refused.getMessage());
            System.exit(1);
        }
        // no static logger: log4j must not start before LOG_FORMAT chose its configuration
        LoggerFactory.getLogger(Main.class).info("csv-ingest stopped");
        System.exit(0);
    }

    private static StartupRefused refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupRefused refused) {
                return refused;
            }
        }
        return null;
    }
}
