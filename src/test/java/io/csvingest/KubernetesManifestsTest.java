package io.csvingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.csvingest.support.ServiceVariables;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/k8s, checked offline: well-formed, and consistent with the image and the service's configuration. */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("deploy/k8s");

    /** Every manifest by kind and name, from every YAML file of deploy/k8s. */
    private final Map<String, Map<String, Object>> manifests = new HashMap<>();
    private final Map<String, String> fileOf = new HashMap<>();

    KubernetesManifestsTest() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
                    Map<String, Object> manifest = (Map<String, Object>) document;
                    String key = manifest.get("kind") + "/" + name(manifest);
                    manifests.put(key, manifest);
                    fileOf.put(key, file.getFileName().toString());
                }
            }
        }
    }

    private static String name(Map<String, Object> manifest) {
        Object metadata = manifest.get("metadata");
        return metadata == null ? "" : String.valueOf(((Map<String, Object>) metadata).get("name"));
    }

    private Map<String, Object> get(String kindAndName) {
        Map<String, Object> manifest = manifests.get(kindAndName);
        assertTrue(manifest != null, kindAndName + " is in deploy/k8s (found " + manifests.keySet() + ")");
        return manifest;
    }

    private static Object at(Object node, String... path) {
        for (String step : path) {
            node = step.matches("\\d+") ? ((List<Object>) node).get(Integer.parseInt(step)) : ((Map<String, Object>) node).get(step);
        }
        return node;
    }

    @Test
    void should_apply_every_manifest_but_the_example_secret_through_kustomize() {
        List<String> resources = (List<String>) get("Kustomization/").get("resources");
        List<String> expected = new ArrayList<>(fileOf.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("Kustomization/") && !e.getKey().startsWith("Secret/"))
                .map(Map.Entry::getValue).distinct().sorted().toList());
        assertEquals(expected, resources.stream().sorted().toList());
        manifests.forEach((key, manifest) -> assertTrue(manifest.get("apiVersion") != null, key + " has an apiVersion"));
    }

    @Test
    void should_configure_the_service_only_with_variables_it_reads_and_the_password_from_the_secret() {
        Set<String> read = ServiceVariables.read();
        Map<String, Object> config = (Map<String, Object>) get("ConfigMap/csv-ingest-config").get("data");
        assertTrue(read.containsAll(config.keySet()), "unknown variables: " + config.keySet());
        assertTrue(config.keySet().stream().noneMatch(key -> key.contains("PASSWORD") && !key.endsWith("_FILE")),
                "no password in the ConfigMap");
        Map<String, Object> container = (Map<String, Object>) at(get("Deployment/csv-ingest"), "spec", "template", "spec",
                "containers", "0");
        assertEquals("csv-ingest-config", at(container, "envFrom", "0", "configMapRef", "name"));
        for (Map<String, Object> env : (List<Map<String, Object>>) container.get("env")) {
            assertTrue(read.contains(env.get("name")), "the service reads " + env.get("name"));
        }

        // DB_PASSWORD_FILE is the Secret's key, where the Secret is mounted
        Map<String, String> mounts = mounts(container);
        Map<String, Object> secretVolume = volume("db-secret");
        String secretName = String.valueOf(at(secretVolume, "secret", "secretName"));
        Map<String, Object> secret = (Map<String, Object>) get("Secret/" + secretName).get("stringData");
        String key = secret.keySet().iterator().next();
        assertEquals(mounts.get("db-secret") + "/" + key, config.get("DB_PASSWORD_FILE"));
    }

    @Test
    void should_probe_the_health_endpoints_on_the_management_port_and_outlast_the_shutdown_timeout() {
        Map<String, Object> pod = (Map<String, Object>) at(get("Deployment/csv-ingest"), "spec", "template", "spec");
        Map<String, Object> container = (Map<String, Object>) at(pod, "containers", "0");
        String port = ServiceVariables.defaultOf("MANAGEMENT_PORT");
        assertEquals(port, String.valueOf(at(container, "ports", "0", "containerPort")));
        assertEquals(port, String.valueOf(((Map<String, Object>) get("ConfigMap/csv-ingest-config").get("data")).get("MANAGEMENT_PORT")));
        String portName = String.valueOf(at(container, "ports", "0", "name"));
        assertEquals("/observe/health/live", at(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/observe/health/ready", at(container, "readinessProbe", "httpGet", "path"));
        assertEquals(portName, at(container, "readinessProbe", "httpGet", "port"));
        assertEquals(portName, at(container, "livenessProbe", "httpGet", "port"));
        assertEquals(portName, at(get("Service/csv-ingest-management"), "spec", "ports", "0", "targetPort"));
        int grace = ((Number) pod.get("terminationGracePeriodSeconds")).intValue();
        assertTrue(grace > Integer.parseInt(ServiceVariables.defaultOf("SHUTDOWN_TIMEOUT_SECONDS")) + 5,
                "the pod is killed only after the file in flight had its shutdown timeout");
        assertTrue(((Number) at(get("Deployment/csv-ingest"), "spec", "replicas")).intValue() >= 2, "several replicas");
    }

    @Test
    void should_share_one_read_write_many_volume_for_the_folders_and_run_as_the_images_user() throws IOException {
        Map<String, Object> pod = (Map<String, Object>) at(get("Deployment/csv-ingest"), "spec", "template", "spec");
        Map<String, String> mounts = mounts((Map<String, Object>) at(pod, "containers", "0"));
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertTrue(dockerfile.contains("WORKDIR /app"));
        // one mount for the folders, so that a move from inbox to outbox is a rename
        assertEquals("data", mountedFrom(pod, "/data"));
        Map<String, Object> config = (Map<String, Object>) get("ConfigMap/csv-ingest-config").get("data");
        for (String folder : List.of("inbox", "outbox", "deadletter")) {
            assertEquals("/data/" + folder, config.get(folder.toUpperCase() + "_DIR"));
        }
        String claim = String.valueOf(at(volume("data"), "persistentVolumeClaim", "claimName"));
        assertEquals(List.of("ReadWriteMany"), at(get("PersistentVolumeClaim/" + claim), "spec", "accessModes"));
        assertEquals("/app/routes", mounts.get("routes"));
        assertEquals("csv-ingest-routes", at(volume("routes"), "configMap", "name"));
        assertEquals(Files.readString(Path.of("routes/zero-config.yaml")),
                at(get("ConfigMap/csv-ingest-routes"), "data", "zero-config.yaml"), "the shipped zero-config feed");
        assertTrue(dockerfile.contains("--uid " + at(pod, "securityContext", "runAsUser")), "the image's user");
    }

    private Map<String, Object> volume(String name) {
        List<Map<String, Object>> volumes = (List<Map<String, Object>>) at(get("Deployment/csv-ingest"), "spec", "template",
                "spec", "volumes");
        return volumes.stream().filter(v -> name.equals(v.get("name"))).findFirst().orElseThrow();
    }

    /** Volume name to mount path (the last mount of each volume). */
    private static Map<String, String> mounts(Map<String, Object> container) {
        Map<String, String> byVolume = new HashMap<>();
        for (Map<String, Object> mount : (List<Map<String, Object>>) container.get("volumeMounts")) {
            byVolume.put(String.valueOf(mount.get("name")), String.valueOf(mount.get("mountPath")));
        }
        return byVolume;
    }

    private static String mountedFrom(Map<String, Object> pod, String path) {
        for (Map<String, Object> mount : (List<Map<String, Object>>) at(pod, "containers", "0", "volumeMounts")) {
            if (path.equals(mount.get("mountPath"))) {
                return String.valueOf(mount.get("name"));
            }
        }
        return null;
    }
}
