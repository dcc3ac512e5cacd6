package io.csvingest.intake;

import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/** Stamps each picked-up file with its {@link Feed} (and the feed's {@link FeedActivity}) before the feed's route steps run. */
final class FeedProcessor extends DelegateAsyncProcessor {

    private final Feed feed;
    private final FeedActivity activity;

    FeedProcessor(Processor routeSteps, Feed feed, FeedActivity activity) {
        super(routeSteps);
        this.feed = feed;
        this.activity = activity;
    }

    /** The feed it stamps files with. */
    Feed feed() {
        return feed;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        LoadContext context = LoadContext.of(exchange);
        context.set(LoadContext.FEED, feed);
        context.set(FeedActivity.PART, activity);
        return super.process(exchange, callback);
    }
}
