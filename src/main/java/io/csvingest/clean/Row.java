package io.csvingest.clean;

import io.csvingest.parse.CsvRow;

/** A record on its way to the table: the record it came from and its values (cleaned, later in canonical form). */
public record Row(CsvRow source, String[] values) {
}
