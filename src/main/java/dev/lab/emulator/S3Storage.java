package dev.lab.emulator;

import dev.lab.fs.FileTrees;
import dev.lab.fs.LinkedSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The S3 data of one container: a live folder in the writable layer, emptied
 * at every start (why Community forgets everything), and for Pro with
 * {@code PERSISTENCE=1} a snapshot under the volume's {@code state/s3} that is
 * loaded and saved as the {@link PersistencePolicy} says.
 */
final class S3Storage {
    private final Path live;
    private final Path snapshot;
    private final PersistencePolicy policy;
    private final ContainerLog log;
    private final LinkedSnapshot tree;
    private volatile boolean dirty;
    private ScheduledFuture<?> flusher;

    /** One thread for the scheduled saves of every run in this process: a start creates no thread. */
    private static final ScheduledThreadPoolExecutor FLUSHER = flusherThread();

    private static ScheduledThreadPoolExecutor flusherThread() {
        var executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "localstack-snapshot-flush");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    S3Storage(Path live, Path snapshot, PersistencePolicy policy, ContainerLog log) {
        this.live = live;
        this.snapshot = snapshot;
        this.policy = policy;
        this.log = log;
        this.tree = LinkedSnapshot.of(live, snapshot);
    }

    /**
     * Empties the live folder but keeps the folder itself: S3Proxy's blob store may be opening it on
     * its loader thread (a start that failed on a taken port leaves that thread running).
     */
    void wipeLive() throws IOException {
        Files.createDirectories(live);
        if (policy.loadsAtStart() && Files.isDirectory(snapshot)) {
            // beginRun loads the snapshot, which makes live exactly the snapshot; wiping first would
            // turn an O(change) load into O(data).
            return;
        }
        tree.changedAll();
        try (var children = Files.list(live)) {
            for (Path child : children.toList()) FileTrees.delete(child);
        }
    }

    /** Loads the snapshot if the policy says so and starts scheduled saving. */
    void beginRun() throws IOException {
        if (policy.loadsAtStart()) {
            load();
        }
        if (policy.savesOnSchedule()) {
            long millis = policy.flushInterval().toMillis();
            flusher = FLUSHER.scheduleWithFixedDelay(this::saveIfDirty, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops scheduled saving and writes what is unsaved, if the policy saves at stop. */
    void endRun() {
        if (flusher != null) {
            flusher.cancel(false);
            flusher = null;
        }
        if (policy.savesAtStop()) {
            saveIfDirty();
        }
    }

    /**
     * Told before a request changes a file in place (ACL, versioning): the file gets its own copy so
     * the snapshot keeps the old mode and attributes.
     */
    void beforeInPlaceChange(String rel) throws IOException {
        tree.detach(rel);
    }

    /** Told after every S3 request that may have changed the entry {@code rel}, {@code depth} levels down. */
    void changed(String rel, int depth) {
        tree.changed(rel, depth);
        markDirty();
    }

    /** Told after a request that may have changed anything. */
    void changed() {
        tree.changedAll();
        markDirty();
    }

    private void markDirty() {
        dirty = true;
        if (policy.savesOnRequest()) {
            saveIfDirty();
        }
    }

    private void saveIfDirty() {
        if (dirty) {
            try {
                save();
            } catch (IOException e) {
                log.error("localstack.persistence", "Error saving state of service s3: " + e);
            }
        }
    }

    /** Live → snapshot: only what changed since the last save or load is linked, unlinked or copied. */
    synchronized void save() throws IOException {
        dirty = false;
        try {
            tree.save();
        } catch (IOException e) {
            dirty = true;
            throw e;
        }
    }

    /** Replaces live state with the snapshot; without a snapshot live state is kept. */
    synchronized void load() throws IOException {
        if (!Files.isDirectory(snapshot)) {
            return;
        }
        tree.load();
        dirty = false;
    }
}
