package io.csvingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.csvingest.support.ServiceVariables;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dockerfile, docker-compose.yml, .env and the application agree: variables, paths, ports, shutdown times. */
class DeploymentConsistencyTest {

    @Test
    void should_list_every_variable_the_service_reads_in_dot_env() throws IOException {
        Set<String> read = ServiceVariables.read();
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
        // one bind mount for the data folders (a move from inbox to outbox is a rename, not a copy across mounts),
        // nothing else of the project; the feeds read-only
        assertEquals(List.of("./data:/data", "./routes:/app/routes:ro"), ingest.get("volumes"));
        Map<String, Object> environment = (Map<String, Object>) ingest.get("environment");
        for (String folder : List.of("inbox", "outbox", "deadletter")) {
            assertTrue(properties.contains(":data/" + folder + "}}"), "the service's default folder data/" + folder);
            assertTrue(Files.isDirectory(Path.of("data", folder), LinkOption.NOFOLLOW_LINKS), "the project has data/" + folder);
            assertEquals(Path.of("data", folder), Files.readSymbolicLink(Path.of(folder)), "./" + folder + " leads into data/");
            assertTrue(dockerfile.contains("data/" + folder), "the image has data/" + folder);
        }
        assertEquals(Map.of("INBOX_DIR", "/data/inbox", "OUTBOX_DIR", "/data/outbox", "DEADLETTER_DIR", "/data/deadletter",
                "ROUTES_DIR", "/app/routes"), Map.of("INBOX_DIR", environment.get("INBOX_DIR"),
                "OUTBOX_DIR", environment.get("OUTBOX_DIR"), "DEADLETTER_DIR", environment.get("DEADLETTER_DIR"),
                "ROUTES_DIR", environment.get("ROUTES_DIR")));
        assertFalse(ingest.containsKey("env_file"), "the service gets only what it reads, not all of .env");
        for (Map.Entry<String, Object> variable : environment.entrySet()) {
            Matcher interpolated = Pattern.compile("\\$\\{(\\w+):-([^}]*)}").matcher(String.valueOf(variable.getValue()));
            if (interpolated.matches() && interpolated.group(1).equals(variable.getKey())
                && properties.contains("{{env:" + variable.getKey() + ":")) {
                assertTrue(properties.contains("{{env:" + variable.getKey() + ":" + interpolated.group(2) + "}}"),
                        variable.getKey() + ": compose's default is the service's");
            }
        }
        assertTrue(ServiceVariables.read().containsAll(environment.keySet()), "compose passes only variables the service reads");
        Map<String, Object> db = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("db");
        assertFalse(db.containsKey("ports"), "the database is not published unless asked (deploy/db-port.yml)");
        assertTrue(dockerfile.contains("ENV MANAGEMENT_HOST=0.0.0.0") && properties.contains("{{env:MANAGEMENT_HOST:127.0.0.1}}"),
                "health and metrics on 127.0.0.1 outside a container, on the container's interfaces inside");
        assertTrue(properties.contains("{{env:MANAGEMENT_PORT:9876}}"));
        assertEquals(List.of("127.0.0.1:${MANAGEMENT_HOST_PORT:-}:${MANAGEMENT_PORT:-9876}"), ingest.get("ports"),
                "the management port is published on 127.0.0.1 only, the same default, on a host port compose picks (--scale)");
        assertFalse(ingest.containsKey("container_name") || ingest.containsKey("hostname"),
                "no fixed container name or host name: --scale gives each instance its own (its INSTANCE_NAME)");
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
