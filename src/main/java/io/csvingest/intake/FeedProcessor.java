package io.csvingest.intake;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/** Stamps each picked-up file with its {@link Feed} before the feed's route steps run. */
final class FeedProcessor extends DelegateAsyncProcessor {

    private final Feed feed;

    FeedProcessor(Processor routeSteps, Feed feed) {
        super(routeSteps);
        this.feed = feed;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        exchange.setProperty(Feed.PROPERTY, feed);
        return super.process(exchange, callback);
    }
}
