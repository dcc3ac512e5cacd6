package io.csvingest.retract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Of several instances polling one retract folder, exactly one takes a dropped file: the one whose rename succeeds. */
class RetractFolderTest {

    @TempDir
    Path dir;

    @Test
    void should_let_exactly_one_of_two_instances_take_a_dropped_file() throws IOException {
        Files.writeString(dir.resolve("orders-1.csv"), "id\n1\n");
        RetractFolder one = new RetractFolder(dir, "instance one");
        RetractFolder two = new RetractFolder(dir, "instance/two");

        Exchange first = dropped("orders-1.csv");
        Exchange second = dropped("orders-1.csv");
        one.take(first);
        two.take(second);

        assertNotNull(RetractFolder.of(first).taken());
        assertNull(RetractFolder.of(second).taken(), "the file was gone when the second instance reached for it");
        assertEquals(dir.resolve(".taking/instance_one/orders-1.csv"), RetractFolder.of(first).taken());
        assertFalse(Files.exists(dir.resolve("orders-1.csv")));
    }

    private static Exchange dropped(String name) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader(Exchange.FILE_NAME_ONLY, name);
        return exchange;
    }
}
