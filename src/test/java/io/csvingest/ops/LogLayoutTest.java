package io.csvingest.ops;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log's text layout: one event is one line, whatever a file name in it holds. */
class LogLayoutTest {

    @Test
    void should_write_one_line_per_event_when_a_name_holds_line_breaks_or_terminal_escapes() throws IOException {
        String line = layout().toSerializable(Log4jLogEvent.newBuilder().setLevel(Level.INFO)
                .setLoggerName("io.csvingest.outcome.FileLoadLog")
                .setMessage(new SimpleMessage("Loaded forged\nINFO Loaded x.csv\r\n into table \u001b[31mred\u0007 (append)\tok"))
                .build());

        assertEquals(1, line.split("\n", -1).length - 1, "exactly one line: " + line);
        assertTrue(line.endsWith("Loaded forged\\nINFO Loaded x.csv\\r\\n into table ?[31mred? (append)\tok" + System.lineSeparator()),
                line);
        assertTrue(line.contains(" INFO  "), "the level and the rest of the layout stay: " + line);
    }

    @Test
    void should_show_the_service_s_class_loggers_as_csv_ingest_and_others_by_their_short_name() throws IOException {
        PatternLayout layout = layout();
        String ours = layout.toSerializable(Log4jLogEvent.newBuilder().setLevel(Level.WARN)
                .setLoggerName("io.csvingest.intake.FileClaims").setMessage(new SimpleMessage("Taking over x.csv")).build());
        String camels = layout.toSerializable(Log4jLogEvent.newBuilder().setLevel(Level.INFO)
                .setLoggerName("org.apache.camel.main.BaseMainSupport").setMessage(new SimpleMessage("started")).build());

        assertTrue(ours.contains(" csv-ingest                   Taking over x.csv"), ours);
        assertTrue(camels.contains(" o.a.c.m.BaseMainSupport "), camels);
    }

    private PatternLayout layout() throws IOException {
        Properties configuration = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/log4j2.properties")) {
            configuration.load(in);
        }
        return PatternLayout.newBuilder().withPattern(configuration.getProperty("appender.out.layout.pattern")).build();
    }
}
