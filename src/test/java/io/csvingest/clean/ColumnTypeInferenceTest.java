package io.csvingest.clean;

import java.util.Arrays;
import java.util.List;

import io.csvingest.feed.ValueFormats;
import org.junit.jupiter.api.Test;

import static io.csvingest.feed.ColumnType.BIGINT;
import static io.csvingest.feed.ColumnType.BOOLEAN;
import static io.csvingest.feed.ColumnType.DATE;
import static io.csvingest.feed.ColumnType.DOUBLE;
import static io.csvingest.feed.ColumnType.NUMERIC;
import static io.csvingest.feed.ColumnType.TEXT;
import static io.csvingest.feed.ColumnType.TIMESTAMP;
import static io.csvingest.feed.ColumnType.TIMESTAMPTZ;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which column type a new table gets from a sample of values. */
class ColumnTypeInferenceTest {

    @Test
    void should_pick_the_most_specific_type_every_sample_value_fits() {
        List<String[]> rows = List.of(
                row("1", "1.5", "NaN", "2024-01-31", "2024-01-31 10:00", "2024-01-31T10:00:00Z", "yes", "abc"),
                row("-22", "3", "2.5", "2023-12-01", "2024-02-01T23:59:59.123", "2024-01-31 10:00+02", "No", "12"));
        assertEquals(List.of(BIGINT, NUMERIC, DOUBLE, DATE, TIMESTAMP, TIMESTAMPTZ, BOOLEAN, TEXT),
                TypeInference.infer(8, rows));
    }

    @Test
    void should_ignore_nulls_and_fall_back_to_text_for_empty_columns() {
        List<String[]> rows = List.of(row(null, "5"), row(null, null), row(null, "6"), row("", ""));
        assertEquals(List.of(TEXT, BIGINT), TypeInference.infer(2, rows));
    }

    @Test
    void should_not_take_impossible_dates_or_overlong_integers() {
        assertEquals(List.of(TEXT, NUMERIC), TypeInference.infer(2, List.<String[]>of(row("2024-02-30", "1234567890123456789012"))));
    }

    @Test
    void should_keep_codes_with_leading_zeros_or_plus_signs_as_text() {
        assertEquals(List.of(TEXT, TEXT, TEXT, BIGINT),
                TypeInference.infer(4, List.<String[]>of(row("01234", "+33612345678", "007.5", "0"))));
    }

    @Test
    void should_keep_zero_and_one_numeric_rather_than_boolean() {
        assertEquals(List.of(BIGINT), TypeInference.infer(1, List.<String[]>of(row("0"), row("1"))));
    }

    @Test
    void should_read_a_lone_letter_as_a_boolean_only_beside_its_opposite() {
        assertEquals(List.of(TEXT, BOOLEAN, BOOLEAN, TEXT), TypeInference.infer(4, List.<String[]>of(
                row("F", "T", "yes", "Y"), row("F", "F", "yes", "Y"), row("F", "t", "yes", "Y"))));
    }

    @Test
    void should_read_nan_and_infinity_as_numbers_only_beside_a_finite_one() {
        assertEquals(List.of(TEXT, DOUBLE, TEXT), TypeInference.infer(3, List.<String[]>of(
                row("Nan", "NaN", "Infinity"), row("Nan", "1.5", "-Infinity"))));
    }

    @Test
    void should_keep_a_decimal_column_exact_when_it_also_holds_exponents() {
        assertEquals(List.of(NUMERIC, NUMERIC, DOUBLE), TypeInference.infer(3, List.<String[]>of(
                row("1e3", "0.12345678901234567890", "NaN"), row("0.12345678901234567890", "2E-5", "0.1234567890123"))));
        assertEquals(List.of(TEXT), TypeInference.infer(1, List.<String[]>of(row("NaN"), row("0.12345678901234567890"))),
                "binary floating point would round it, numeric does not take NaN on every PostgreSQL: text");
    }

    @Test
    void should_count_significant_digits_of_the_mantissa() {
        assertEquals(2, TypeInference.significantDigits("0.00120e5"), "trailing zeros need no digit of their own");
        assertEquals(1, TypeInference.significantDigits("100"));
        assertEquals(1, TypeInference.significantDigits("0"));
        assertEquals(19, TypeInference.significantDigits("-0.12345678901234567890"));
        assertEquals(0, TypeInference.significantDigits("NaN"));
    }

    private static String[] row(String... values) {
        return Arrays.copyOf(values, values.length);
    }

    @Test
    void should_read_numbers_and_dates_in_the_feeds_formats_but_keep_codes_as_text() {
        ValueFormats european = ValueFormats.DEFAULT.withDecimalSeparator(",").withThousandsSeparator(".")
                .withDateFormat("dd.MM.yyyy");
        List<String[]> rows = List.of(
                row("01234", "+33612345678", "22.11.2026", "1.234,50", "1.234.567", "7"),
                row("00042", "+33698765432", "01.02.2026", "0,99", "12", "1.2.3"));
        assertEquals(List.of(TEXT, TEXT, DATE, NUMERIC, BIGINT, TEXT), TypeInference.infer(6, rows, european));
        ValueFormats dates = ValueFormats.DEFAULT.withDateFormat("dd/MM/yyyy");
        assertEquals(List.of(TEXT, DATE), TypeInference.infer(2, List.<String[]>of(row("01234", "22/11/2026")), dates));
    }
}
