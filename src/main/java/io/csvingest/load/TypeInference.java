package io.csvingest.load;

import java.util.ArrayList;
import java.util.List;

/** Picks, per column, the most specific {@link ColumnType} that takes every value of a sample of cleaned rows. */
public final class TypeInference {

    private TypeInference() {
    }

    public static List<ColumnType> infer(int columns, List<String[]> cleanedRows) {
        List<ColumnType> types = new ArrayList<>(columns);
        for (int column = 0; column < columns; column++) {
            types.add(inferColumn(column, cleanedRows));
        }
        return types;
    }

    private static ColumnType inferColumn(int column, List<String[]> rows) {
        boolean anyValue = false;
        for (ColumnType candidate : ColumnType.values()) {
            boolean fits = true;
            for (String[] row : rows) {
                String value = column < row.length ? row[column] : null;
                if (value != null) {
                    anyValue = true;
                    if (!candidate.accepts(value)) {
                        fits = false;
                        break;
                    }
                }
            }
            if (!anyValue) {
                return ColumnType.TEXT;
            }
            if (fits) {
                return candidate;
            }
        }
        return ColumnType.TEXT;
    }
}
