package io.csvingest.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.csvingest.context.FileLoad;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;

/**
 * The pipeline's own Prometheus meters on {@code /observe/metrics}: files by outcome, rows by bucket, bytes read,
 * batch load latency and the files waiting in the inbox. Without a meter registry (metrics off) it records nothing.
 * One instance per service ({@code pipelineMetrics} in the registry), given to the steps that count.
 */
public final class PipelineMetrics {

    private final CamelContext context;
    /** camel-main binds its meter registry while the context starts: looked up until then, kept from then on. */
    private volatile MeterRegistry meters;
    private volatile boolean resolved;

    public PipelineMetrics(CamelContext context) {
        this.context = context;
    }

    /** A file ended: {@code loaded}, {@code duplicate}, {@code dead_lettered}, {@code waiting} or {@code interrupted}. */
    public void file(String outcome) {
        MeterRegistry meters = meters();
        if (meters != null) {
            meters.counter("csv_ingest_files", "outcome", outcome).increment();
        }
    }

    /** A loaded file's rows, by what became of them. */
    public void rows(FileLoad load) {
        MeterRegistry meters = meters();
        if (meters != null) {
            meters.counter("csv_ingest_rows", "bucket", "loaded").increment(load.loaded());
            meters.counter("csv_ingest_rows", "bucket", "rejected").increment(load.rejected());
            meters.counter("csv_ingest_rows", "bucket", "duplicates").increment(load.duplicates());
            meters.counter("csv_ingest_rows", "bucket", "blank").increment(load.blank());
            meters.counter("csv_ingest_rows", "bucket", "filtered").increment(load.filtered());
        }
    }

    public void bytesRead(long bytes) {
        MeterRegistry meters = meters();
        if (meters != null) {
            meters.counter("csv_ingest_bytes_read").increment(bytes);
        }
    }

    /** One batch's INSERT (with its savepoint and any halving around refused rows). */
    public void batch(long nanos) {
        MeterRegistry meters = meters();
        if (meters != null) {
            meters.timer("csv_ingest_batch_load").record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Registers the gauge of files in the inbox (not counting hidden files and subfolders). */
    public void watchInbox(Path inbox) {
        MeterRegistry meters = meters();
        if (meters != null) {
            Gauge.builder("csv_ingest_inbox_files", inbox, PipelineMetrics::filesIn).strongReference(true)
                    .description("Files waiting in the inbox (not counting subfolders)").register(meters);
        }
    }

    private static double filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                                 && !f.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private MeterRegistry meters() {
        if (!resolved) {
            meters = context.getRegistry().findSingleByType(MeterRegistry.class);
            resolved = context.isStarted();
        }
        return meters;
    }
}
