package io.csvingest.clean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.csvingest.parse.RecordBlock;

/**
 * One batch of a file on its way through cleaning and loading: its records, which of them are still to load, their
 * values (as read, or as a step rewrote them) and the rows rejected so far. Records are addressed by index.
 */
public final class RowBatch {

    private final RecordBlock block;
    /** Per record: no longer to load (dropped or rejected; the counts and the reject list say which). */
    private final boolean[] out;
    /** Per field of the block: a value a step put in place of the one read (null: none). */
    private String[] replaced;
    private final List<Reject> rejects = new ArrayList<>();
    private boolean coerced;
    /** Values that did not fit a column that may widen: record, column, record, column... */
    private int[] unfit = new int[0];
    private int unfitValues;

    public RowBatch(RecordBlock block) {
        this.block = block;
        this.out = new boolean[block == null ? 0 : block.size()];
    }

    /** A batch of no records, to collect the rejects of batches whose loading ended. */
    public static RowBatch rejectsOnly() {
        return new RowBatch(null);
    }

    public RecordBlock block() {
        return block;
    }

    /** Records in the batch, loaded or not. */
    public int size() {
        return out.length;
    }

    public boolean live(int r) {
        return !out[r];
    }

    /** The records still to load, in file order. */
    public int[] live() {
        int[] live = new int[liveCount()];
        for (int r = 0, i = 0; r < out.length; r++) {
            if (!out[r]) {
                live[i++] = r;
            }
        }
        return live;
    }

    public int liveCount() {
        int n = 0;
        for (boolean gone : out) {
            n += gone ? 0 : 1;
        }
        return n;
    }

    /** Not to load, and not a reject: blank, a duplicate, filtered out, superseded by a later row (the caller counts it). */
    public void drop(int r) {
        out[r] = true;
    }

    /** Not to load: rejected with a reason, the column at fault ("" if none) and its line and original text. */
    public void reject(int r, String column, String reason) {
        out[r] = true;
        rejects.add(new Reject(block.line(r), block.raw(r), column, reason));
    }

    /** Marks every value as in its column's canonical text (see {@link Coercer}). */
    void coerced() {
        coerced = true;
    }

    public boolean isCoerced() {
        return coerced;
    }

    /** Record {@code r}'s value in {@code column} does not fit its column's type, which may widen for it. */
    void unfit(int r, int column) {
        if (2 * unfitValues == unfit.length) {
            unfit = Arrays.copyOf(unfit, Math.max(8, unfit.length * 2));
        }
        unfit[2 * unfitValues] = r;
        unfit[2 * unfitValues + 1] = column;
        unfitValues++;
    }

    /** How many values do not fit their column; {@link #unfitRecord} and {@link #unfitColumn} say which. */
    public int unfitValues() {
        return unfitValues;
    }

    public int unfitRecord(int i) {
        return unfit[2 * i];
    }

    public int unfitColumn(int i) {
        return unfit[2 * i + 1];
    }

    public List<Reject> rejects() {
        return rejects;
    }

    public long line(int r) {
        return block.line(r);
    }

    /** Field index in the block of record {@code r}'s column {@code column}. */
    public int field(int r, int column) {
        return block.firstField(r) + column;
    }

    /** The value a step put in place of field {@code f}'s, or null when it has the one read. */
    public String replacement(int f) {
        return replaced == null ? null : replaced[f];
    }

    public String value(int r, int column) {
        int f = field(r, column);
        String replacement = replacement(f);
        return replacement != null ? replacement : block.value(f);
    }

    public String[] values(int r) {
        String[] values = new String[block.fieldCount(r)];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(r, i);
        }
        return values;
    }

    /** Puts {@code value} (null: NULL) in place of record {@code r}'s value in {@code column}. */
    public void set(int r, int column, String value) {
        int f = field(r, column);
        if (value == null) {
            block.narrow(f, RecordBlock.NULL, 0);
            if (replaced != null) {
                replaced[f] = null;
            }
            return;
        }
        if (replaced == null) {
            replaced = new String[block.firstField(block.size())];
        }
        replaced[f] = value;
        block.narrow(f, 0, 0);
    }

    /**
     * Record {@code r}'s value in {@code column} without copying it when it is a plain range of the text: then into
     * {@code range}, reused; a String otherwise; null when NULL.
     */
    public CharSequence chars(int r, int column, CharRange range) {
        int f = field(r, column);
        String replacement = replacement(f);
        if (replacement != null) {
            return replacement;
        }
        if (block.start(f) == RecordBlock.NULL) {
            return null;
        }
        return block.escaped(f) ? block.value(f) : range.of(block.text(), block.start(f), block.end(f));
    }
}
