package io.csvingest.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.csvingest.IngestException;
import io.csvingest.feed.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streaming RFC 4180 parsing, line numbers and the plain-words parse errors. */
class CsvSourceTest {

    @TempDir
    Path dir;

    @Test
    void should_keep_line_breaks_inside_quoted_fields_and_report_start_lines() throws IOException {
        try (CsvSource source = CsvSource.open(write("id,note\n1,\"a\nb\"\n2,c\r\n3,\"x,\"\"y\"\"\"\n"))) {
            assertEquals(List.of("id", "note"), source.header());
            List<Row> rows = all(source.batches(10));
            assertEquals(List.of(2L, 4L, 5L), rows.stream().map(Row::line).toList());
            assertArrayEquals(new String[] {"1", "a\nb"}, rows.get(0).values());
            assertArrayEquals(new String[] {"3", "x,\"y\""}, rows.get(2).values());
        }
    }

    @Test
    void should_keep_each_records_original_text_without_its_line_end() throws IOException {
        try (CsvSource source = CsvSource.open(write("id,note\r\n1,\"a\r\nb\"\r\n2,\"x,\"\"y\"\"\"\n\n3,last"))) {
            List<Row> rows = all(source.batches(10));
            assertEquals(List.of("1,\"a\r\nb\"", "2,\"x,\"\"y\"\"\"", "", "3,last"), rows.stream().map(Row::raw).toList());
            assertEquals(List.of(2L, 4L, 5L, 6L), rows.stream().map(Row::line).toList());
        }
    }

    @Test
    void should_take_the_delimiter_from_an_excel_sep_line_and_skip_it() throws IOException {
        try (CsvSource source = CsvSource.open(write("sep=;\r\nid;name, full\r\n1;\"a;b\"\r\n"))) {
            assertTrue(source.hasSepLine());
            assertEquals(';', source.delimiter());
            assertEquals(List.of("id", "name, full"), source.header());
            List<Row> rows = all(source.batches(10));
            assertArrayEquals(new String[] {"1", "a;b"}, rows.get(0).values());
            assertEquals(3L, rows.get(0).line(), "lines count the sep= line");
        }
        try (CsvSource source = CsvSource.open(write("SEP=|\nid|v\n1|2\n"), Dialect.DEFAULT.withDelimiter(","))) {
            assertEquals('|', source.delimiter(), "the file's own sep= line wins over the feed's delimiter");
            assertEquals(List.of("id", "v"), source.header());
        }
        try (CsvSource source = CsvSource.open(write("sep=;x\n1\n"))) {
            assertEquals(false, source.hasSepLine(), "only a line of sep= and one character names the delimiter");
            assertEquals(List.of("sep=", "x"), source.header());
        }
    }

    @Test
    void should_tell_a_quoted_empty_value_from_an_empty_one() throws IOException {
        try (CsvSource source = CsvSource.open(write("a,b,c\n1,\"\",\n"))) {
            RecordBlock block = source.batches(10).next();
            assertEquals("", block.value(1));
            assertTrue(block.quoted(1));
            assertEquals("", block.value(2));
            assertEquals(false, block.quoted(2));
        }
    }

    @Test
    void should_read_white_space_around_quotes_as_padding_unless_strict() throws IOException {
        String csv = "id,v,w\n1, \"x,y\" ,z\n2,\t\"q\",\" \"\n3, \"a\"b,c\n";
        try (CsvSource source = CsvSource.open(write(csv))) {
            List<Row> rows = all(source.batches(10));
            assertArrayEquals(new String[] {"1", "x,y", "z"}, rows.get(0).values());
            assertArrayEquals(new String[] {"2", "q", " "}, rows.get(1).values());
            assertArrayEquals(new String[] {"3", " \"a\"b", "c"}, rows.get(2).values(), "not padding after all: text as written");
        }
        try (CsvSource source = CsvSource.open(write(csv), Dialect.DEFAULT.withQuotePadding(false))) {
            List<Row> rows = all(source.batches(10));
            assertArrayEquals(new String[] {"1", " \"x", "y\" ", "z"}, rows.get(0).values(), "strict: RFC 4180 as written");
            assertArrayEquals(new String[] {"2", "\t\"q\"", " "}, rows.get(1).values());
        }
    }

    @Test
    void should_skip_a_bom_and_read_gzip_by_name() throws IOException {
        Path gz = dir.resolve("t.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write("a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));
        }
        try (CsvSource source = CsvSource.open(gz)) {
            assertEquals(List.of("a", "b"), source.header());
            assertEquals(';', source.delimiter());
            assertArrayEquals(new String[] {"1", "2"}, all(source.batches(10)).get(0).values());
        }
    }

    @Test
    void should_count_lines_of_cr_only_files_and_load_a_literal_replacement_character() throws IOException {
        try (CsvSource source = CsvSource.open(write("id,v\r1,caf\uFFFD\r2,\"a\rb\"\r3,c"))) {
            List<Row> rows = all(source.batches(10));
            assertEquals(List.of(2L, 3L, 5L), rows.stream().map(Row::line).toList());
            assertEquals("caf\uFFFD", rows.get(0).values()[1]);
            assertEquals("2,\"a\rb\"", rows.get(1).raw());
        }
    }

    @Test
    void should_let_a_byte_order_mark_decide_the_charset() throws IOException {
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a,b\n1,é\n".getBytes(StandardCharsets.UTF_16LE)));
        Path utf8 = dir.resolve("utf8.csv");
        Files.write(utf8, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a,b\n1,é\n".getBytes(StandardCharsets.UTF_8)));
        for (Path file : List.of(utf16, utf8)) {
            try (CsvSource source = CsvSource.open(file, Dialect.DEFAULT.withCharset("windows-1252"))) {
                assertEquals(List.of("a", "b"), source.header(), file.toString());
                assertArrayEquals(new String[] {"1", "é"}, all(source.batches(10)).get(0).values(), file.toString());
            }
        }
    }

    @Test
    void should_name_line_and_column_of_bytes_the_charset_cannot_decode() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.write(file, concat("id,name\n1,ok\n2,".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9, '\n'}));
        IngestException e = assertThrows(IngestException.class, () -> {
            try (CsvSource source = CsvSource.open(file)) {
                all(source.batches(10));
            }
        });
        assertTrue(e.getMessage().startsWith("bad.csv is not valid UTF-8 text (line 3, column name)"), e.getMessage());
    }

    @Test
    void should_say_when_a_gz_file_is_empty_or_not_gzip() throws IOException {
        Path empty = Files.write(dir.resolve("empty.csv.gz"), new byte[0]);
        IngestException e = assertThrows(IngestException.class, () -> CsvSource.open(empty));
        assertTrue(e.getMessage().contains("empty or a truncated gzip file"), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void should_say_when_a_gz_file_is_not_gzip() throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.csv.gz"), "a,b\n1,2\n");
        IngestException e = assertThrows(IngestException.class, () -> CsvSource.open(fake));
        assertTrue(e.getMessage().contains("not gzip-compressed"), e.getMessage());
    }

    @Test
    void should_stream_batches_that_include_the_peeked_sample() throws IOException {
        StringBuilder csv = new StringBuilder("n\n");
        for (int i = 1; i <= 7; i++) {
            csv.append(i).append('\n');
        }
        try (CsvSource source = CsvSource.open(write(csv.toString()))) {
            assertEquals(2, source.peek(2).size());
            List<Integer> sizes = new ArrayList<>();
            source.batches(3).forEachRemaining(batch -> sizes.add(batch.size()));
            assertEquals(List.of(3, 3, 1), sizes);
        }
    }

    @Test
    void should_refuse_an_empty_file() throws IOException {
        IngestException e = assertThrows(IngestException.class, () -> CsvSource.open(write("")));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void should_name_the_line_of_an_unterminated_quote() throws IOException {
        try (CsvSource source = CsvSource.open(write("a,b\n1,2\n3,\"open\n4,5\n"))) {
            IngestException e = assertThrows(IngestException.class, () -> all(source.batches(10)));
            assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("unterminated quote"), e.getMessage());
        }
    }

    @Test
    void should_refuse_a_record_too_long_to_be_data_instead_of_filling_the_heap() throws IOException {
        // a quote opened on line 3 and never closed in a large file: the record would run to the end of the file
        String rows = "1,2\n".repeat(CsvScanner.MAX_RECORD_CHARS / 4 + 10);
        try (CsvSource source = CsvSource.open(write("a,b\n1,2\n3,\"open\n" + rows))) {
            IngestException e = assertThrows(IngestException.class, () -> all(source.batches(10)));
            assertTrue(e.getMessage().contains("the record starting on line 3 runs past " + CsvScanner.MAX_RECORD_CHARS
                                               + " characters"), e.getMessage());
        }
    }

    @Test
    void should_explain_a_character_after_a_closing_quote() throws IOException {
        Path file = write("a,b\n1,\"x\"y\n");
        IngestException e = assertThrows(IngestException.class, () -> {
            try (CsvSource source = CsvSource.open(file)) {
                all(source.batches(10));
            }
        });
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("must be doubled"), e.getMessage());
    }

    @Test
    void should_say_when_a_file_is_not_utf8_text() throws IOException {
        Path binary = dir.resolve("binary.csv");
        Files.write(binary, new byte[] {'a', ',', 'b', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        IngestException e = assertThrows(IngestException.class, () -> {
            try (CsvSource source = CsvSource.open(binary)) {
                all(source.batches(10));
            }
        });
        assertTrue(e.getMessage().contains("not valid UTF-8 text") && e.getMessage().contains("charset"), e.getMessage());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("test.csv"), content, StandardCharsets.UTF_8);
    }

    /** One read record: its start line, values and original text. */
    private record Row(long line, String[] values, String raw) {
    }

    private static List<Row> all(Iterator<RecordBlock> batches) {
        List<Row> rows = new ArrayList<>();
        batches.forEachRemaining(block -> {
            for (int r = 0; r < block.size(); r++) {
                rows.add(new Row(block.line(r), block.values(r), block.raw(r)));
            }
        });
        return rows;
    }
}
