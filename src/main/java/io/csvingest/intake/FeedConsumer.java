package io.csvingest.intake;

import java.util.concurrent.ExecutorService;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.Suspendable;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * A feed's consumer: registers the feed's scope while it runs and drives its own camel-file consumer on the inbox,
 * loading up to {@code concurrentFiles} small files at once ({@link ConcurrentFiles}).
 */
final class FeedConsumer extends DefaultConsumer implements Suspendable, ShutdownAware {

    private final FeedRegistry registry;
    private final FeedRegistry.Scope scope;
    private final FeedActivity activity;
    private final FileEndpoint files;
    private final int concurrentFiles;
    private Consumer fileConsumer;
    private ExecutorService workers;
    private AsyncProcessor steps;
    private boolean registered;

    FeedConsumer(FeedEndpoint endpoint, Processor processor, FeedRegistry registry, FeedRegistry.Scope scope,
                 FeedActivity activity, FileEndpoint files, int concurrentFiles) {
        super(endpoint, processor);
        this.concurrentFiles = concurrentFiles;
        this.registry = registry;
        this.scope = scope;
        this.activity = activity;
        this.files = files;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        registry.register(scope, activity, getProcessor() instanceof FeedProcessor stamped ? stamped.feed() : null);
        registered = true;
        ServiceHelper.startService(files);
        steps = getAsyncProcessor();
        if (concurrentFiles > 1) {
            ThreadPoolProfile pool = new ThreadPoolProfileBuilder(scope.feed()).poolSize(concurrentFiles - 1)
                    .maxPoolSize(concurrentFiles - 1).maxQueueSize(0).rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build();
            workers = getEndpoint().getCamelContext().getExecutorServiceManager().newThreadPool(this, "feed " + scope.feed(), pool);
            steps = new ConcurrentFiles(steps, workers);
            ServiceHelper.startService(steps);
        }
        fileConsumer = files.createConsumer(steps);
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
        if (workers != null) {
            // the route's shutdown already waited for the files in flight
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
        if (registered) {
            registry.unregister(scope.feed());
            registered = false;
        }
        super.doStop();
    }
}
