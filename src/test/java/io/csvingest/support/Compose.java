package io.csvingest.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Docker engine and Docker Compose on a project folder: {@code docker compose} (or Debian's {@code
 * docker-compose}) run as a user would, under a project name of its own, and {@code docker} to look at the result.
 */
public final class Compose {

    /** What a command printed (stdout and stderr together) and how it exited. */
    public record Result(int exitCode, String output) {
        public Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("exit code " + exitCode + ": " + output);
            }
            return this;
        }
    }

    private final Path project;
    private final String name;
    private final List<String> compose;
    private final Map<String, String> env = new LinkedHashMap<>();

    private Compose(Path project, String name, List<String> compose) {
        this.project = project;
        this.name = name;
        this.compose = compose;
    }

    /**
     * An engine to use, or why there is none: started with {@code ../shared/container/standins.sh} (with stand-ins
     * for the base images) where that script is, else whatever {@code docker info} answers on this machine.
     */
    public static String engineProblem(Path project) {
        Path standins = Path.of("../shared/container/standins.sh");
        if (Files.isRegularFile(standins)) {
            Result started = run(Path.of("."), Map.of(), Duration.ofMinutes(10), "bash", standins.toString(), project.toString());
            if (started.exitCode() != 0) {
                return "../shared/container/standins.sh failed: " + tail(started.output());
            }
        }
        Result info = run(Path.of("."), Map.of(), Duration.ofSeconds(30), "docker", "info", "--format", "{{.ServerVersion}}");
        return info.exitCode() == 0 ? null : "no Docker engine answers (docker info: " + tail(info.output()) + ")";
    }

    /** Compose on {@code project} under the project name {@code name}: {@code docker compose} if there, else {@code docker-compose}. */
    public static Compose on(Path project, String name) {
        boolean plugin = run(project, Map.of(), Duration.ofSeconds(30), "docker", "compose", "version").exitCode() == 0;
        return new Compose(project, name, plugin ? List.of("docker", "compose") : List.of("docker-compose"));
    }

    /** A variable for compose's interpolation, over the project's .env (as a user's shell would set it). */
    public Compose with(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    public Result compose(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-p", name));
        command.addAll(List.of(arguments));
        return run(project, env, timeout, command.toArray(String[]::new));
    }

    public Result docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        return run(project, env, Duration.ofMinutes(1), command.toArray(String[]::new));
    }

    /** The ids of the service's containers, running or not. */
    public List<String> containers(String service) {
        return compose(Duration.ofMinutes(1), "ps", "-q", service).ok().output().lines().filter(line -> !line.isBlank())
                .map(String::strip).toList();
    }

    /** A container's health ({@code starting}, {@code healthy}, {@code unhealthy}). */
    public String health(String container) {
        return docker("inspect", "-f", "{{.State.Health.Status}}", container).output().strip();
    }

    public static Result run(Path directory, Map<String, String> env, Duration timeout, String... command) {
        try {
            Path output = Files.createTempFile("compose", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeout);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String tail(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
