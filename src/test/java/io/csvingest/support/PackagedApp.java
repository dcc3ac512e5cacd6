package io.csvingest.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged service run as the Dockerfile's final stage runs it (its COPY layout, ENTRYPOINT and the .env
 * variables) in a JVM of its own, so tests can SIGTERM it, kill -9 it and start it again on the same folders.
 */
public final class PackagedApp {

    private final Path container;
    private final Path log;
    private final Map<String, String> env;
    private Process process;
    private int starts;

    /** Lays out {@code container} as the image would (folders empty) with the given environment on top of .env. */
    public PackagedApp(Path container, Map<String, String> env) throws IOException {
        this.container = container;
        this.log = container.resolveSibling(container.getFileName() + "-stdout.log");
        this.env = new LinkedHashMap<>(dotEnv(Path.of(".env")));
        this.env.putAll(env);
        Dockerfile.read(Path.of("Dockerfile")).copyFinalStageInto(container);
        Files.deleteIfExists(log);
    }

    /** Starts the service (appending to the same log) and waits until Camel says it started. */
    public PackagedApp start() throws IOException {
        Dockerfile dockerfile = Dockerfile.read(Path.of("Dockerfile"));
        ProcessBuilder builder = new ProcessBuilder(dockerfile.entrypoint(container))
                .directory(container.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(env);
        process = builder.start();
        starts++;
        int expected = starts;
        Await.until("start #" + expected + " of the service", java.time.Duration.ofSeconds(60),
                () -> occurrences("Feeds: reading") >= expected || !process.isAlive());
        return this;
    }

    public String log() {
        return Inbox.read(log);
    }

    public long occurrences(String text) {
        String all = Files.exists(log) ? log() : "";
        long count = 0;
        for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }

    /** GET on the service's management port: "200 {...}" (status code and body), or "no answer". */
    public static String get(int port, String path) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                            .timeout(java.time.Duration.ofSeconds(5)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no answer";
        }
    }

    /** A TCP port free on this machine right now. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs the Dockerfile's HEALTHCHECK command as Docker would in the container; returns its exit code. */
    public int healthcheck() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Dockerfile.read(Path.of("Dockerfile")).healthcheck(container))
                .directory(container.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(env);
        Process probe = builder.start();
        if (!probe.waitFor(30, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            return -1;
        }
        return probe.exitValue();
    }

    public Process process() {
        return process;
    }

    /** kill -9: no shutdown hook, no rollback by the service; the database drops the connection's transaction. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as {@code docker stop} sends; returns the exit code. */
    public int stop(long timeoutSeconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the service did not stop within " + timeoutSeconds + " s of SIGTERM");
        }
        return process.exitValue();
    }

    public static Map<String, String> dotEnv(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                env.put(trimmed.substring(0, trimmed.indexOf('=')), trimmed.substring(trimmed.indexOf('=') + 1));
            }
        }
        return env;
    }

    /** The parts of the Dockerfile's final stage that decide how the application runs. */
    public record Dockerfile(String workdir, List<String[]> copies, List<String> entrypoint, List<String> healthcheck) {

        private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

        public static Dockerfile read(Path file) throws IOException {
            String workdir = null;
            List<String[]> copies = new ArrayList<>();
            List<String> entrypoint = null;
            List<String> healthcheck = null;
            String text = Files.readString(file).replace("\\\n", " ");
            for (String line : text.lines().toList()) {
                String[] words = line.strip().split("\\s+");
                switch (words[0]) {
                    case "FROM" -> copies.clear(); // only the final stage counts
                    case "WORKDIR" -> workdir = words[1];
                    case "COPY" -> copies.add(new String[] {words[words.length - 2], words[words.length - 1]});
                    case "ENTRYPOINT" -> entrypoint = jsonArray(line);
                    case "HEALTHCHECK" -> healthcheck = jsonArray(line);
                    default -> { }
                }
            }
            return new Dockerfile(workdir, copies, entrypoint, healthcheck);
        }

        /** Replays the final stage's COPY lines: build output and sources from the project, into the WORKDIR stand-in. */
        public void copyFinalStageInto(Path root) throws IOException {
            for (String[] copy : copies) {
                Path source = Path.of(copy[0].replaceFirst("^/build/", ""));
                Path target = root.resolve(copy[1]);
                copyTree(source, target);
            }
        }

        /** The ENTRYPOINT with absolute paths under WORKDIR pointing into the stand-in folder. */
        public List<String> entrypoint(Path root) {
            return inside(entrypoint, root);
        }

        /** The HEALTHCHECK's CMD, likewise. */
        public List<String> healthcheck(Path root) {
            return inside(healthcheck, root);
        }

        private List<String> inside(List<String> command, Path root) {
            return command.stream()
                    .map(arg -> arg.startsWith(workdir + "/") ? root.toAbsolutePath().resolve(arg.substring(workdir.length() + 1)).toString() : arg)
                    .toList();
        }

        private static List<String> jsonArray(String line) {
            List<String> values = new ArrayList<>();
            Matcher m = JSON_STRING.matcher(line.substring(line.indexOf('[')));
            while (m.find()) {
                values.add(m.group(1));
            }
            return values;
        }

        private static void copyTree(Path source, Path target) throws IOException {
            if (Files.isRegularFile(source)) {
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path : paths.toList()) {
                    Path destination = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
