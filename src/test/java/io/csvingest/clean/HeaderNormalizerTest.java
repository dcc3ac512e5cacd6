package io.csvingest.clean;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.csvingest.IngestException;
import io.csvingest.feed.Names;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Header names into safe lower_snake_case column names. */
class HeaderNormalizerTest {

    @Test
    void should_turn_header_names_into_lower_snake_case() {
        assertEquals(List.of("order_id", "customer_name", "order_id_2", "total_eur", "created_at"),
                HeaderNormalizer.normalize(List.of(" Order Id ", "customerName", "ORDER_ID", "Total (EUR)", "created-at")));
    }

    @Test
    void should_strip_a_utf8_bom_from_the_first_name() {
        assertEquals(List.of("id", "name"), HeaderNormalizer.normalize(List.of("\uFEFFid", "name")));
    }

    @Test
    void should_reduce_hostile_names_to_plain_identifiers() {
        assertEquals(List.of("id_drop_table_x", "a_b", "select_from_pg_user"),
                HeaderNormalizer.normalize(List.of("id; DROP TABLE x", "a\"b", "\"; select * from pg_user --")));
    }

    @Test
    void should_name_empty_headers_by_position_and_prefix_leading_digits() {
        assertEquals(List.of("column_1", "c_2024_total", "column_3"), HeaderNormalizer.normalize(List.of("", "2024 total", "€")));
    }

    @Test
    void should_keep_the_letters_of_every_script_lower_cased_where_the_script_has_case() {
        assertEquals(List.of("имя", "возраст", "名前", "όνομα", "नाम", "größe", "café_crème", "ärger"),
                HeaderNormalizer.normalize(List.of("Имя", "Возраст", "名前", "Όνομα", "नाम", "Größe", "Cafe\u0301 Crème", "ÄRGER")));
    }

    @Test
    void should_split_words_and_drop_symbols_in_any_script() {
        assertEquals(List.of("дата_рождения", "цена_руб", "id", "c_٣_кг"),
                HeaderNormalizer.normalize(List.of("ДатаРождения", "Цена (руб.)", "id", "٣ кг")));
    }

    @Test
    void should_cut_non_latin_names_at_63_utf8_bytes_not_63_characters() {
        String longName = "измерение_относительной_влажности_в_теплице";
        String name = Names.snakeCase(longName);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 63, name);
        assertTrue(name.matches("измерение_относительной_[а-я]+_[0-9a-f]{8}"), name);
        assertEquals(name, Names.snakeCase(longName));
        assertEquals("日本", Names.tableFor(null, "日本.csv"));
        assertEquals("данные", Names.tableFor(null, "данные.csv"));
    }

    @Test
    void should_refuse_a_header_without_any_name() {
        assertThrows(IngestException.class, () -> HeaderNormalizer.normalize(List.of("")));
        assertThrows(IngestException.class, () -> HeaderNormalizer.normalize(List.of(" ", "\uFEFF")));
    }

    @Test
    void should_keep_names_unique_and_within_63_characters() {
        String longName = "x".repeat(80);
        List<String> names = HeaderNormalizer.normalize(List.of(longName, longName));
        assertTrue(names.get(0).matches("x{54}_[0-9a-f]{8}"), names.get(0));
        assertEquals(names.get(0).substring(0, 61) + "_2", names.get(1));
    }

    @Test
    void should_shorten_long_names_deterministically_and_keep_two_that_share_63_bytes_apart() {
        String common = "measurement_of_the_relative_humidity_inside_the_greenhouse_number";
        String a = Names.snakeCase(common + "_one_north");
        String b = Names.snakeCase(common + "_two_south");
        assertEquals(63, a.length());
        assertEquals(63, b.length());
        assertNotEquals(a, b, "names sharing their first 63 bytes stay apart");
        assertEquals(a, Names.snakeCase(common + "_one_north"), "always the same name for the same text");
        assertTrue(Names.isShortened(common + "_one_north"));
        assertFalse(Names.isShortened("order_id"));
        assertEquals("order_id", Names.snakeCase("order_id"), "short names are untouched");
    }

    @Test
    void should_rename_columns_named_like_postgresql_system_columns() {
        assertEquals(List.of("xmin_", "ymin", "xmax_", "ymax", "ctid_", "tableoid_", "oid"),
                HeaderNormalizer.normalize(List.of("xmin", "ymin", "XMax", "ymax", "ctid", "tableoid", "oid")));
    }
}
