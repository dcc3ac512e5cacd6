package io.csvingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dockerfile, docker-compose.yml, .env and the application agree: variables, paths, ports, shutdown times. */
class DeploymentConsistencyTest {

    private static final Pattern PROPERTY_ENV = Pattern.compile("\\{\\{(?:env|secret):([A-Z0-9_]+)");
    private static final Pattern CODE_ENV = Pattern.compile("getenv\\(\\)?\\.?(?:getOrDefault)?\\(?\"([A-Z0-9_]+)\"");

    @Test
    void should_list_every_variable_the_service_reads_in_dot_env() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            if (!line.strip().startsWith("#")) {
                Matcher m = PROPERTY_ENV.matcher(line);
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE_ENV.matcher(Files.readString(source));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        read.add("DB_PASSWORD_FILE"); // read by {{secret:DB_PASSWORD}}
        String env = Files.readString(Path.of(".env"));
        List<String> missing = read.stream()
                .filter(name -> !Pattern.compile("(?m)^#?\\s*" + name + "=").matcher(env).find()).toList();
        assertEquals(List.of(), missing, "variables the service reads but .env does not list");
        assertTrue(read.containsAll(Set.of("DB_URL", "LOG_FORMAT", "MANAGEMENT_PORT", "SHUTDOWN_TIMEOUT_SECONDS")), read.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_agree_on_folders_ports_and_shutdown_times() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        Map<String, Object> compose = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> ingest = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("ingest");

        assertTrue(dockerfile.contains("WORKDIR /app"));
        List<String> mounts = ((List<String>) ingest.get("volumes")).stream().map(v -> v.split(":")[1]).toList();
        for (String folder : List.of("inbox", "outbox", "deadletter", "routes")) {
            assertTrue(properties.contains(":" + folder + "}}"), "the service's default folder " + folder);
            assertTrue(mounts.contains("/app/" + folder), "compose mounts /app/" + folder);
        }
        assertTrue(properties.contains("{{env:MANAGEMENT_PORT:9876}}"));
        assertTrue(((List<String>) ingest.get("ports")).contains("127.0.0.1:${MANAGEMENT_PORT:-9876}:${MANAGEMENT_PORT:-9876}"),
                "the management port is published on 127.0.0.1 only, the same default");
        assertTrue(dockerfile.contains("io.csvingest.ops.HealthProbe") && Files.exists(
                Path.of("src/main/java/io/csvingest/ops/HealthProbe.java")), "the HEALTHCHECK runs the probe");
        int gracePeriod = Integer.parseInt(String.valueOf(ingest.get("stop_grace_period")).replace("s", ""));
        Matcher timeout = Pattern.compile("\\{\\{env:SHUTDOWN_TIMEOUT_SECONDS:(\\d+)}}").matcher(properties);
        assertTrue(timeout.find());
        assertTrue(gracePeriod > Integer.parseInt(timeout.group(1)) + 5, "docker stop waits longer than the service");
        assertTrue(ingest.containsKey("logging") && ingest.containsKey("mem_limit") && ingest.containsKey("cpus"),
                "log rotation, memory and CPU limits");
        assertEquals("unless-stopped", ingest.get("restart"));
        assertEquals(Map.of("db", Map.of("condition", "service_healthy")), ingest.get("depends_on"));
        assertTrue(dockerfile.contains("USER ingest") && dockerfile.contains("HEALTHCHECK")
                   && dockerfile.contains("ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\""), "non-root, probe, exec form");
        assertTrue(Files.readString(Path.of(".dockerignore")).lines().toList().containsAll(List.of("target", ".git")));
    }
}
