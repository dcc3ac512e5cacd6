package io.csvingest;

/** Starts csv-ingest: a camel-main application that finds its routes and configuration in this package. */
public final class Main {

    private Main() {
    }

    public static void main(String... args) throws Exception {
        new org.apache.camel.main.Main(Main.class).run(args);
    }
}
