package io.csvingest;

import java.util.concurrent.atomic.AtomicInteger;

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
        main.run(args);
        System.exit(0);
    }
}
