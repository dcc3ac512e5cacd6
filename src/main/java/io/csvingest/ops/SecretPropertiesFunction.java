package io.csvingest.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.apache.camel.spi.PropertiesFunction;

/** {@code {{secret:NAME:default}}}: the secret from file {@code NAME_FILE} (Docker secrets), else variable {@code NAME}. */
@org.apache.camel.spi.annotations.PropertiesFunction("secret")
public class SecretPropertiesFunction implements PropertiesFunction {

    private final UnaryOperator<String> environment;

    public SecretPropertiesFunction() {
        this(System::getenv);
    }

    SecretPropertiesFunction(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String getName() {
        return "secret";
    }

    @Override
    public String apply(String remainder) {
        int colon = remainder.indexOf(':');
        String name = colon < 0 ? remainder : remainder.substring(0, colon);
        String fallback = colon < 0 ? null : remainder.substring(colon + 1);
        String file = environment.apply(name + "_FILE");
        if (file != null && !file.isBlank()) {
            return readSecretFile(name, Path.of(file));
        }
        String value = environment.apply(name);
        return value != null ? value : fallback;
    }

    private static String readSecretFile(String name, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name + "_FILE " + file + ": " + e.getMessage(), e);
        }
    }
}
