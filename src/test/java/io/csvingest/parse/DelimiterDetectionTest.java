package io.csvingest.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import io.csvingest.feed.Dialect;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The delimiter read off the header line, or the feed's own. */
class DelimiterDetectionTest {

    @Test
    void should_pick_the_delimiter_seen_most_often_outside_quotes_in_the_header_line() throws IOException {
        assertEquals(',', detect("a,b,c\n1;2;3;4;5\n"));
        assertEquals(';', detect("a;\"b,c,d\";e\n"));
        assertEquals('\t', detect("a\tb\tc\r\n"));
        assertEquals('|', detect("a|b|c"));
        assertEquals(',', detect("single\n1\n"));
    }

    @Test
    void should_leave_the_reader_where_it_was() throws IOException {
        BufferedReader reader = new BufferedReader(new StringReader("a;b\n1;2\n"));
        DelimiterDetection.delimiterFor(Dialect.DEFAULT, reader);
        assertEquals("a;b", reader.readLine());
    }

    @Test
    void should_use_the_feeds_delimiter_and_refuse_a_bad_one() throws IOException {
        assertEquals(';', DelimiterDetection.delimiterFor(Dialect.DEFAULT.withDelimiter(";"), new BufferedReader(new StringReader("a,b,c"))));
        assertEquals('\t', Dialect.DEFAULT.withDelimiter("tab").delimiter());
        assertThrows(IllegalArgumentException.class, () -> Dialect.DEFAULT.withDelimiter("ab"));
        assertThrows(IllegalArgumentException.class, () -> Dialect.DEFAULT.withCharset("no-such-charset"));
    }

    private static char detect(String text) throws IOException {
        return DelimiterDetection.delimiterFor(Dialect.DEFAULT, new BufferedReader(new StringReader(text)));
    }
}
