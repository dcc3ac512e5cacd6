package io.csvingest.clean;

import io.csvingest.IngestException;
import io.csvingest.parse.RecordBlock;

/**
 * Spots exact duplicate rows in a file in bounded memory: it keeps a 64-bit fingerprint per distinct row in an
 * open-addressing table of longs (8 bytes a slot, at most 3/4 full: 64 MB for up to 6.3 million distinct rows). While
 * it doubles, old and new table may take 40% of the heap (6.3 million rows at -Xmx256m); beyond that the file is refused.
 * Two different rows share a fingerprint with a chance of about n²/2⁶⁵ (below one in a million at 5 million rows).
 */
public final class DuplicateRows {

    private final int maxSlots;
    private long[] slots;
    private int size;
    private boolean zeroSeen;

    public DuplicateRows() {
        this(slotsFor(Runtime.getRuntime().maxMemory()));
    }

    /** The largest power-of-two table whose doubling (old + new table, 1.5× its size) fits 40% of the heap. */
    static int slotsFor(long maxHeapBytes) {
        long slots = Long.highestOneBit(Math.max(maxHeapBytes * 4 / 10 * 2 / 3 / 8, 1 << 14));
        return (int) Math.min(slots, 1 << 28);
    }

    DuplicateRows(int maxSlots) {
        this.maxSlots = maxSlots;
        this.slots = new long[Math.min(1 << 14, maxSlots)];
    }

    /** True when a row with this {@link #fingerprint} was seen before in this file; otherwise remembers it. */
    public boolean isDuplicate(long fingerprint) {
        if (fingerprint == 0) {
            boolean seen = zeroSeen;
            zeroSeen = true;
            return seen;
        }
        if (!insert(slots, fingerprint)) {
            return true;
        }
        if (++size > slots.length / 4 * 3) {
            grow();
        }
        return false;
    }

    private static boolean insert(long[] table, long fingerprint) {
        int mask = table.length - 1;
        for (int i = (int) fingerprint & mask; ; i = (i + 1) & mask) {
            if (table[i] == fingerprint) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = fingerprint;
                return true;
            }
        }
    }

    private void grow() {
        if (slots.length >= maxSlots) {
            throw new IngestException("The file has more than " + size + " distinct rows, the most duplicate detection"
                                      + " can track in 40% of this service's heap; give the service more"
                                      + " memory (e.g. -Xmx) or set dropDuplicates: false for this feed");
        }
        long[] bigger = new long[slots.length * 2];
        for (long fingerprint : slots) {
            if (fingerprint != 0) {
                insert(bigger, fingerprint);
            }
        }
        slots = bigger;
    }

    /** FNV-1a over the values' characters as cleaned (a NULL differs from every text), finished with MurmurHash3's fmix64. */
    public static long fingerprint(RecordBlock block, int r) {
        char[] text = block.text();
        long h = 0xcbf29ce484222325L;
        for (int f = block.firstField(r), last = f + block.fieldCount(r); f < last; f++) {
            int from = block.start(f);
            if (from == RecordBlock.NULL) {
                h = (h ^ 0x1_0000) * 0x100000001b3L;
            } else {
                boolean escaped = block.escaped(f);
                for (int i = from, to = block.end(f); i < to; i++) {
                    h = (h ^ text[i]) * 0x100000001b3L;
                    // a doubled quote stands for one: the same value as its unquoted twin
                    if (escaped && text[i] == '"') {
                        i++;
                    }
                }
            }
            h = (h ^ 0x1_0001) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
