package io.csvingest.feed;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.csvingest.feed.Lineage.FILE;
import static io.csvingest.feed.Lineage.LINE;
import static io.csvingest.feed.Lineage.LOAD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feed option lineage: true, false, or a list of load, file, line, read the way a YAML user writes it. */
class LineageTest {

    @Test
    void should_read_true_as_the_load_id_and_false_or_nothing_as_no_lineage() {
        assertEquals(List.of(LOAD), Lineage.parse("true"));
        assertEquals(List.of(LOAD), Lineage.parse(" TRUE "));
        assertEquals(List.of(), Lineage.parse("false"));
        assertEquals(List.of(), Lineage.parse(""));
        assertEquals(List.of(), Lineage.parse(null));
    }

    @Test
    void should_read_a_list_in_any_order_and_spelling_into_the_columns_order() {
        assertEquals(List.of(LOAD, FILE, LINE), Lineage.parse("load, file, line"));
        assertEquals(List.of(LOAD, LINE), Lineage.parse("line load"));
        assertEquals(List.of(LOAD, FILE), Lineage.parse("[file, load, file]"));
    }

    @Test
    void should_refuse_a_word_it_does_not_know_naming_the_choices() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Lineage.parse("load, row"));
        assertTrue(refused.getMessage().contains("'row' is none of load, file, line"), refused.getMessage());
    }

    @Test
    void should_number_its_fields_below_zero_and_back() {
        for (Lineage lineage : Lineage.values()) {
            assertTrue(lineage.field() < 0);
            assertEquals(lineage, Lineage.ofField(lineage.field()));
        }
        assertTrue(Lineage.isColumn("_load_id") && Lineage.isColumn("_source_line") && !Lineage.isColumn("load"));
    }
}
