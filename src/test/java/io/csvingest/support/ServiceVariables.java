package io.csvingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables the service reads: {@code {{env:NAME}}} in application.properties, and in code
 * {@code getenv("NAME")} or {@code environment.apply("NAME")} (an injectable environment, as DatabasePassword's).
 */
public final class ServiceVariables {

    private static final Pattern PROPERTY_ENV = Pattern.compile("\\{\\{env:([A-Z0-9_]+)");
    private static final Pattern CODE_ENV = Pattern.compile(
            "(?:getenv\\(\\)?\\.?(?:getOrDefault)?\\(?|environment\\.apply\\()\"([A-Z0-9_]+)\"");

    private ServiceVariables() {
    }

    public static Set<String> read() {
        try {
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
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default application.properties gives {@code name} ({@code {{env:NAME:default}}}). */
    public static String defaultOf(String name) {
        try {
            Matcher m = Pattern.compile("\\{\\{env:" + name + ":([^}]*)}}")
                    .matcher(Files.readString(Path.of("src/main/resources/application.properties")));
            if (!m.find()) {
                throw new AssertionError("application.properties does not read " + name);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
