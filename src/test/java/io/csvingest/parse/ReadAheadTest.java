package io.csvingest.parse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadAheadTest {

    @Test
    void should_hand_over_every_element_in_order() {
        List<Integer> source = IntStream.range(0, 1000).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(source.iterator(), 2, "test-read")) {
            ahead.forEachRemaining(seen::add);
            assertFalse(ahead.hasNext());
        }
        assertEquals(source, seen);
    }

    @Test
    void should_raise_the_sources_failure_after_the_elements_before_it() {
        IllegalStateException failure = new IllegalStateException("line 3: unterminated quote");
        Iterator<Integer> source = new Iterator<>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (next == 3) {
                    throw failure;
                }
                return next++;
            }
        };
        try (ReadAhead<Integer> ahead = new ReadAhead<>(source, 2, "test-read")) {
            assertEquals(1, ahead.next());
            assertEquals(2, ahead.next());
            assertSame(failure, assertThrows(IllegalStateException.class, ahead::hasNext));
        }
    }

    @Test
    void should_stop_its_thread_on_close_when_the_caller_gives_up_early() throws InterruptedException {
        AtomicInteger produced = new AtomicInteger();
        Iterator<Integer> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return produced.incrementAndGet();
            }
        };
        ReadAhead<Integer> ahead = new ReadAhead<>(endless, 2, "test-read-endless");
        assertEquals(1, ahead.next());
        ahead.close();
        int after = produced.get();
        assertTrue(after <= 4, "at most the queue's depth read ahead: " + after);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("test-read-endless")),
                "the reader thread has ended");
    }
}
