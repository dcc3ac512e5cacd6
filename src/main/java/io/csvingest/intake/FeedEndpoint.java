package io.csvingest.intake;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.support.DefaultEndpoint;

/** {@code feed:name?include=...&table=...}: one feed's view of the inbox, consumed through camel-file. */
public class FeedEndpoint extends DefaultEndpoint {

    private final String name;
    private String include = "(?i).*\\.csv";
    private String table;
    private int batchSize;

    FeedEndpoint(String uri, FeedComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("feed: is a consumer only; use it in from:");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        FeedComponent component = (FeedComponent) getComponent();
        Feed feed = new Feed(name, table, batchSize, component.folders());
        FileEndpoint inbox = component.inboxEndpoint(include);
        return inbox.createConsumer(new FeedProcessor(processor, feed));
    }

    public String getName() {
        return name;
    }

    public String getInclude() {
        return include;
    }

    /** Regular expression for the file names this feed takes, e.g. {@code orders-.*\.csv}. */
    public void setInclude(String include) {
        this.include = include;
    }

    public String getTable() {
        return table;
    }

    /** Target table; when unset the table is named after the file ({@code sales.csv} loads into {@code sales}). */
    public void setTable(String table) {
        this.table = table;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** Rows per INSERT batch; defaults to the service-wide {@code BATCH_SIZE}. */
    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
    }
}
