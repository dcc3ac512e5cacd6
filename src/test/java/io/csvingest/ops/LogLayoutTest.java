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
        Properties configuration = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/log4j2.properties")) {
            configuration.load(in);
        }
        PatternLayout layout = PatternLayout.newBuilder()
                .withPattern(configuration.getProperty("appender.out.layout.pattern")).build();
        String line = layout.toSerializable(Log4jLogEvent.newBuilder().setLevel(Level.INFO).setLoggerName("csv-ingest")
                .setMessage(new SimpleMessage("Loaded forged\nINFO Loaded x.csv\r\n into table \u001b[31mred\u0007 (append)\tok"))
                .build());

        assertEquals(1, line.split("\n", -1).length - 1, "exactly one line: " + line);
        assertTrue(line.endsWith("Loaded forged\\nINFO Loaded x.csv\\r\\n into table ?[31mred? (append)\tok" + System.lineSeparator()),
                line);
        assertTrue(line.contains(" INFO  "), "the level and the rest of the layout stay: " + line);
    }
}
