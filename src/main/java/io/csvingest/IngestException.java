package io.csvingest;

/** A file cannot be loaded, for a reason we can say in plain words (the message goes into the reason file as is). */
public class IngestException extends RuntimeException {

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
