package io.csvingest.support;

/** Feed YAML files for tests: one route from {@code feed:<name>} with the given parameters to {@code direct:load-csv}. */
public final class TestFeeds {

    private TestFeeds() {
    }

    /** {@code parameters}: YAML lines such as {@code include: "a-.*\\.csv"}, one per line, not indented. */
    public static String yaml(String name, String parameters) {
        return """
                - route:
                    id: %s-feed
                    description: test feed %s
                    from:
                      uri: feed:%s
                      parameters:
                %s
                      steps:
                        - to:
                            uri: direct:load-csv
                """.formatted(name, name, name, parameters.stripIndent().strip().indent(8).stripTrailing());
    }
}
