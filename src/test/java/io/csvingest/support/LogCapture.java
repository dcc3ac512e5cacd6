package io.csvingest.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects the log lines the service writes (as "LEVEL message"), so tests assert what a user reads in the log. */
public final class LogCapture extends AbstractAppender {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private LogCapture() {
        // a name of its own: log4j ignores a second appender of the same name on a logger
        super("test-capture-" + INSTANCES.incrementAndGet(), null, null, true, Property.EMPTY_ARRAY);
    }

    public static LogCapture attach() {
        LogCapture capture = new LogCapture();
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(capture, null, null);
        context.updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
    }

    /** Lines containing every one of the fragments. */
    public List<String> matching(String... fragments) {
        return lines.stream().filter(line -> java.util.Arrays.stream(fragments).allMatch(line::contains)).toList();
    }

    public boolean has(String... fragments) {
        return !matching(fragments).isEmpty();
    }
}
