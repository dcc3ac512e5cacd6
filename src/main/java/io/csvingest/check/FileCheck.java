package io.csvingest.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.csvingest.clean.Reject;
import io.csvingest.context.LoadContext;
import org.apache.camel.Exchange;

/**
 * One file dropped into the check folder, on its way through a dry run: where it was taken to, the DDL its load would
 * run, what would load, the first rejects, sample values per column. The per-file state of route {@code check-file}.
 */
public final class FileCheck {

    /** Rejects listed in the report; the rest are counted. */
    static final int MAX_REJECTS = 100;
    /** Sample values listed per column. */
    static final int SAMPLES = 3;

    /** The check of the file in flight. */
    public static final LoadContext.Part<FileCheck> PART = LoadContext.part("check", "CheckFolder.take");

    private final String name;
    private Path taken;
    private boolean bom;
    private boolean tableExists;
    private final List<String> ddl = new ArrayList<>();
    private long wouldLoad;
    private long wouldReject;
    private final List<Reject> rejects = new ArrayList<>();
    private final List<Set<String>> samples = new ArrayList<>();

    FileCheck(String name) {
        this.name = name;
    }

    public static FileCheck of(Exchange exchange) {
        return LoadContext.of(exchange).get(PART);
    }

    public String name() {
        return name;
    }

    public Path taken() {
        return taken;
    }

    void taken(Path taken) {
        this.taken = taken;
    }

    boolean bom() {
        return bom;
    }

    void bom(boolean bom) {
        this.bom = bom;
    }

    boolean tableExists() {
        return tableExists;
    }

    public void tableExists(boolean tableExists) {
        this.tableExists = tableExists;
    }

    /** The statements the load would run on the table (CREATE, ALTER, DELETE), in order; widening adds to it. */
    public List<String> ddl() {
        return ddl;
    }

    long wouldLoad() {
        return wouldLoad;
    }

    long wouldReject() {
        return wouldReject;
    }

    List<Reject> rejects() {
        return rejects;
    }

    List<Set<String>> samples() {
        return samples;
    }

    /** Counts a batch's rows that would load and its rejects (the first {@link #MAX_REJECTS} kept). */
    void count(long loaded, List<Reject> batchRejects) {
        wouldLoad += loaded;
        wouldReject += batchRejects.size();
        for (Reject reject : batchRejects) {
            if (rejects.size() < MAX_REJECTS) {
                rejects.add(reject);
            }
        }
    }

    /** Keeps value {@code value} of column {@code column} as a sample, while the column has fewer than {@link #SAMPLES}. */
    void sample(int column, String value) {
        while (samples.size() <= column) {
            samples.add(new LinkedHashSet<>());
        }
        if (value != null && samples.get(column).size() < SAMPLES) {
            samples.get(column).add(value);
        }
    }
}
