package io.csvingest.intake;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.UriParam;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code feed:} options as Camel's tooling sees them: the metadata and configurer generated from the endpoint's
 * annotations are current (every {@code @UriParam} is in them and can be set through the generated configurer), and
 * the options table of {@code routes/README.md} lists exactly these options with their defaults.
 */
class FeedMetadataTest {

    /** Options every Camel consumer has; the README leaves them to Camel's documentation. */
    private static final Set<String> CAMEL_OWN = Set.of("bridgeErrorHandler", "exceptionHandler", "exchangePattern");
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| ([^|]*(?:\\\\\\|[^|]*)*) \\|", Pattern.MULTILINE);

    private final Map<String, JsonObject> options = options();

    @Test
    void should_describe_every_option_the_endpoint_declares() {
        Set<String> declared = new TreeSet<>();
        for (Field field : FeedEndpoint.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(UriParam.class)) {
                declared.add(field.getName());
            }
        }
        Set<String> described = new TreeSet<>(options.keySet());
        described.removeAll(CAMEL_OWN);
        described.remove("name");
        assertEquals(declared, described, "src/generated is out of date: build once more and commit it");
        options.forEach((name, option) -> assertTrue(!String.valueOf(option.get("description")).isBlank(), name));
    }

    @Test
    void should_set_every_option_through_the_generated_configurer() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            FeedEndpoint endpoint = context.getEndpoint("feed:metadata", FeedEndpoint.class);
            FeedEndpointConfigurer configurer = new FeedEndpointConfigurer();
            Map<String, Object> values = new LinkedHashMap<>(Map.of("include", "a-.*\\.csv", "folder", "sub", "schema", "staging",
                    "table", "t", "mode", "replace", "method", "insert", "columns", "Order ID=order_id:bigint",
                    "delimiter", ";", "charset", "windows-1252", "maxRejects", "2%"));
            values.putAll(Map.of("thousandsSeparator", ".", "decimalSeparator", ",", "dateFormat", "dd/MM/yyyy",
                    "timestampFormat", "dd/MM/yyyy HH:mm", "batchSize", "10", "rowSteps", "direct:rows", "reload", "true",
                    "fallback", "true", "trim", "false", "dropDuplicates", "false"));
            values.putAll(Map.of("keys", "order_id", "nullValues", "-", "quotedEmptyAsNull", "true", "fileOrder", "modified",
                    "newColumns", "ignore", "widen", "true", "concurrentFiles", "3", "lineage", "load, file"));
            for (Map.Entry<String, Object> value : values.entrySet()) {
                assertTrue(configurer.configure(context, endpoint, value.getKey(), value.getValue(), false), value.getKey());
                assertEquals(String.valueOf(value.getValue()),
                        String.valueOf(configurer.getOptionValue(endpoint, value.getKey(), false)), value.getKey());
            }
            Set<String> settable = new TreeSet<>(options.keySet());
            settable.removeAll(CAMEL_OWN);
            settable.remove("name");
            assertEquals(settable, new TreeSet<>(values.keySet()), "every option was tried");
        }
    }

    @Test
    void should_list_exactly_these_options_with_their_defaults_in_the_routes_readme() throws IOException {
        String readme = Files.readString(Path.of("routes/README.md"));
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(readme.substring(readme.indexOf("## Options of `feed:<name>`")));
        while (row.find() && !rows.containsKey(row.group(1))) {
            rows.put(row.group(1), row.group(2));
        }
        Set<String> expected = new TreeSet<>(options.keySet());
        expected.removeAll(CAMEL_OWN);
        expected.remove("name");
        assertEquals(expected, new TreeSet<>(rows.keySet().stream().filter(options::containsKey).toList()),
                "routes/README.md documents every option");
        for (String name : expected) {
            Object metadataDefault = options.get(name).get("defaultValue");
            if (metadataDefault != null) {
                String cell = rows.get(name).replace("`", "").replace(" ", "");
                assertTrue(cell.contains(String.valueOf(metadataDefault).replace(" ", "")),
                        name + ": routes/README.md says " + rows.get(name) + ", the metadata " + metadataDefault);
            }
        }
        List<String> unknown = rows.keySet().stream().filter(name -> !options.containsKey(name)).toList();
        assertEquals(List.of(), unknown, "options in routes/README.md that the feed does not have");
    }

    private static Map<String, JsonObject> options() {
        try {
            JsonObject json = (JsonObject) Jsoner.deserialize(
                    Files.readString(Path.of("src/generated/resources/META-INF/io/csvingest/intake/feed.json")));
            Map<String, JsonObject> options = new LinkedHashMap<>();
            ((JsonObject) json.get("properties")).forEach((name, option) -> options.put(name, (JsonObject) option));
            return options;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the feed: metadata (build the project first)", e);
        }
    }
}
