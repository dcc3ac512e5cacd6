package io.csvingest.ops;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** The database password, read by the service itself: a secret is data, never a property placeholder Camel resolves. */
public final class DatabasePassword {

    private final UnaryOperator<String> environment;

    public DatabasePassword() {
        this(System::getenv);
    }

    DatabasePassword(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * The content of the file {@code DB_PASSWORD_FILE} names (a Docker or Kubernetes secret) when that is set, less
     * the one line break that ends it; else {@code DB_PASSWORD}; else "". Every other character is kept as it is.
     */
    public String read() {
        String file = environment.apply("DB_PASSWORD_FILE");
        if (file != null && !file.isBlank()) {
            return fromFile(Path.of(file));
        }
        String value = environment.apply("DB_PASSWORD");
        return value == null ? "" : value;
    }

    private static String fromFile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the path and why, never what was read
            throw new IllegalStateException("Cannot read the database password: DB_PASSWORD_FILE is " + file + " ("
                                            + why(e) + ")");
        }
        if (content.endsWith("\r\n")) {
            return content.substring(0, content.length() - 2);
        }
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }

    private static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName();
    }
}
