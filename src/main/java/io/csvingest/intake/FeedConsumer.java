package io.csvingest.intake;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.Suspendable;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/** A feed's consumer: registers the feed's scope while it runs and drives its own camel-file consumer on the inbox. */
final class FeedConsumer extends DefaultConsumer implements Suspendable, ShutdownAware {

    private final FeedRegistry registry;
    private final FeedRegistry.Scope scope;
    private final FeedActivity activity;
    private final FileEndpoint files;
    private Consumer fileConsumer;
    private boolean registered;

    FeedConsumer(FeedEndpoint endpoint, Processor processor, FeedRegistry registry, FeedRegistry.Scope scope,
                 FeedActivity activity, FileEndpoint files) {
        super(endpoint, processor);
        this.registry = registry;
        this.scope = scope;
        this.activity = activity;
        this.files = files;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        registry.register(scope, activity);
        registered = true;
        ServiceHelper.startService(files);
        fileConsumer = files.createConsumer(getProcessor());
        ServiceHelper.startService(fileConsumer);
    }

    /** Graceful stop (reload, shutdown): stop polling but let the file in flight finish on its thread. */
    @Override
    protected void doSuspend() throws Exception {
        ServiceHelper.suspendService(fileConsumer);
    }

    /** Lets the file consumer finish only the file in flight when the route stops, not the rest of its poll batch. */
    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return fileConsumer instanceof ShutdownAware aware && aware.deferShutdown(shutdownRunningTask);
    }

    @Override
    public int getPendingExchangesSize() {
        return fileConsumer instanceof ShutdownAware aware ? aware.getPendingExchangesSize() : 0;
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        if (fileConsumer instanceof ShutdownAware aware) {
            aware.prepareShutdown(suspendOnly, forced);
        }
    }

    @Override
    protected void doResume() throws Exception {
        ServiceHelper.resumeService(fileConsumer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownServices(fileConsumer, files);
        if (registered) {
            registry.unregister(scope.feed());
            registered = false;
        }
        super.doStop();
    }
}
