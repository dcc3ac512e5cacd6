package io.csvingest.intake;

import java.nio.file.Path;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.OptimizedFileFilter;

/**
 * Which files of its folder a feed's poll takes. First by name alone (camel-file asks before it looks at the file, so
 * the files of the other feeds sharing a folder cost no file system call), then: the database answers, a regular file
 * never reached through a link (anything else is reported by {@link UnclaimedFiles} and left alone), the one feed that
 * takes it ({@link FeedRegistry}), not set aside ({@link StuckFiles}), and next in its table's order and settled ({@link InOrder}).
 */
@SuppressWarnings("rawtypes")
final class FeedFileFilter implements OptimizedFileFilter {

    private final String feed;
    private final Path folder;
    private final IntakeGate gate;
    private final FeedRegistry registry;
    private final StuckFiles stuck;
    private final InOrder inOrder;

    /** {@code gate} null: always open; {@code inOrder} null: files in no particular order (append). */
    FeedFileFilter(String feed, Path folder, IntakeGate gate, FeedRegistry registry, StuckFiles stuck, InOrder inOrder) {
        this.feed = feed;
        this.folder = folder;
        this.gate = gate;
        this.registry = registry;
        this.stuck = stuck;
        this.inOrder = inOrder;
    }

    /** False for a name this feed's pattern does not match; null (look further) for one it does. */
    @Override
    public Boolean accept(String name) {
        return registry.mayTake(feed, folder, name) ? null : Boolean.FALSE;
    }

    @Override
    public boolean accept(GenericFile file) {
        Path path = Path.of(file.getAbsoluteFilePath());
        return (gate == null || gate.isOpen())
               && registry.takes(feed, folder, file.getFileNameOnly(), file.getLastModified())
               && !RegularFiles.isLink(folder) && RegularFiles.isRegular(path)
               && !stuck.holds(path)
               && (inOrder == null || inOrder.isNext(file.getFileNameOnly()) && inOrder.settled(path));
    }
}
