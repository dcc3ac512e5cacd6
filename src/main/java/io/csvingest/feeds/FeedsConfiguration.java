package io.csvingest.feeds;

import java.nio.file.Path;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/** Starts {@link FeedFiles} on the {@code feeds.*} settings: where the feed YAML files are and how they are watched. */
public class FeedsConfiguration implements CamelConfiguration {

    @PropertyInject("feeds.dir")
    private String dir;
    @PropertyInject(value = "feeds.poll-interval", defaultValue = "2000")
    private long pollInterval;
    @PropertyInject(value = "feeds.watch-events", defaultValue = "true")
    private boolean watchEvents;

    @Override
    public void configure(CamelContext context) throws Exception {
        FeedFiles feeds = new FeedFiles(context, Path.of(dir), pollInterval, watchEvents);
        context.addService(feeds);
        context.addStartupListener(feeds);
    }
}
