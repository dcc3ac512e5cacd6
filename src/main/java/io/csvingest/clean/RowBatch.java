package io.csvingest.clean;

import java.util.ArrayList;
import java.util.List;

import io.csvingest.parse.CsvRow;

/** One batch of a file on its way through cleaning and loading: the rows still to load and the rows rejected so far. */
public final class RowBatch {

    private List<Row> rows;
    private final List<Reject> rejects = new ArrayList<>();

    public RowBatch(List<Row> rows) {
        this.rows = rows;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Replaces the rows still to load (a step that drops or rewrites rows). */
    public void rows(List<Row> remaining) {
        this.rows = remaining;
    }

    public void reject(CsvRow source, String column, String reason) {
        rejects.add(new Reject(source.line(), source.raw(), column, reason));
    }

    public List<Reject> rejects() {
        return rejects;
    }
}
