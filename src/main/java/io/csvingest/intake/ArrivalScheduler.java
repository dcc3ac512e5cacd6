package io.csvingest.intake;

import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import io.csvingest.FolderEvents;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * When a feed's folder is polled: every poll delay, as camel-file's own scheduler does (composed here, on a thread of
 * its own), and also as soon as a file arrives in the folder (a file-change event, where the OS delivers them), so a
 * file moved in is taken in milliseconds, not at the next poll. Polls never overlap: both run on the one thread, and
 * events that come while a poll waits to run join it.
 */
final class ArrivalScheduler extends ServiceSupport implements ScheduledPollConsumerScheduler {

    private final Path folder;
    private final long delay;
    private final AtomicBoolean pending = new AtomicBoolean();
    private DefaultScheduledPollConsumerScheduler every;
    private ScheduledExecutorService thread;
    private CamelContext camelContext;
    private Consumer consumer;
    private Runnable poll;
    private FolderEvents events;

    ArrivalScheduler(Path folder, long delay) {
        this.folder = folder;
        this.delay = delay;
    }

    /** A poll soon, unless one is already waiting to run. */
    void wake() {
        if (poll != null && thread != null && pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                poll.run();
            });
        }
    }

    @Override
    public void onInit(Consumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public void scheduleTask(Runnable task) {
        this.poll = task;
    }

    @Override
    public void unscheduleTask() {
        if (every != null) {
            every.unscheduleTask();
        }
    }

    @Override
    public void startScheduler() {
        every.startScheduler();
        // a file moved or linked in is created in the folder; one written in place waits out the quiet period anyway
        events = FolderEvents.start(folder, "feed-arrivals", this::wake, StandardWatchEventKinds.ENTRY_CREATE);
    }

    @Override
    public boolean isSchedulerStarted() {
        return every != null && every.isSchedulerStarted();
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    protected void doStart() throws Exception {
        thread = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, folder.toString());
        every = new DefaultScheduledPollConsumerScheduler(thread);
        every.setCamelContext(camelContext);
        every.setDelay(delay);
        every.onInit(consumer);
        every.scheduleTask(poll);
        ServiceHelper.startService(every);
    }

    @Override
    protected void doStop() throws Exception {
        if (events != null) {
            events.close();
            events = null;
        }
        ServiceHelper.stopService(every);
        if (thread != null) {
            camelContext.getExecutorServiceManager().shutdownGraceful(thread);
            thread = null;
        }
    }
}
