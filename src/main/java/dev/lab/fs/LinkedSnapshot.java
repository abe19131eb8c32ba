package dev.lab.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A live tree and its snapshot that share unchanged files as hard links, so saving and loading cost
 * O(the change), not O(the data). It is for trees whose writer replaces files by rename (S3Proxy's
 * store): such a write gives the live path a new inode and leaves the snapshot's alone. Before the
 * writer changes a file in place (permissions, extended attributes), the owner calls
 * {@link #detach}. The owner also reports what requests may have touched ({@link #changed}); the
 * folders' inode and modification time, recorded at every sync, catch other changes to a folder's
 * entries (someone deleting files from the snapshot on the host), which are then diffed folder by
 * folder. Without a record (first sync, or after {@link #changedAll}) the whole tree is walked.
 */
public final class LinkedSnapshot {
    /** Depths for {@link #changed}: the entry only, its children too, or everything below it. */
    public static final int SELF = Mirror.SELF, CHILDREN = Mirror.CHILDREN, DEEP = Mirror.DEEP;

    private final Path live;
    private final Path snapshot;
    private final Map<String, Integer> pending = new LinkedHashMap<>();
    private final FolderStamps stamps;
    private boolean all = true;
    /** Set when the live tree was handed over by {@link #retire}: where it now waits to be adopted. */
    private Path spare;

    /** Kept across emulator runs in this process, so a restart finds the record of the last save. */
    private static final Map<List<Path>, LinkedSnapshot> PAIRS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Path>, LinkedSnapshot> eldest) {
            return size() > 64;
        }
    };

    LinkedSnapshot(Path live, Path snapshot) {
        this.live = Objects.requireNonNull(live);
        this.snapshot = Objects.requireNonNull(snapshot);
        this.stamps = new FolderStamps(live, snapshot);
    }

    /**
     * The pair for these two folders, shared by every caller in this process: each run of an emulated
     * container is a new object, but the record of what was last saved must outlive it.
     */
    public static LinkedSnapshot of(Path live, Path snapshot) {
        List<Path> key = List.of(live.toAbsolutePath().normalize(), snapshot.toAbsolutePath().normalize());
        synchronized (PAIRS) {
            return PAIRS.computeIfAbsent(key, k -> new LinkedSnapshot(k.get(0), k.get(1)));
        }
    }

    /** The entry at {@code rel} (relative to both roots, '/'-separated) may differ; look {@code depth} below it. */
    public synchronized void changed(String rel, int depth) {
        pending.merge(rel, depth, Math::max);
    }

    /** Anything may differ: the next sync walks both trees. */
    public synchronized void changedAll() {
        all = true;
    }

    /** Whether nothing is known to differ between the two trees. */
    public synchronized boolean inSync() {
        return !all && pending.isEmpty();
    }

    /**
     * Gives the live file at {@code rel} an inode of its own, if it shares one with the snapshot,
     * so an in-place change of mode or attributes stays out of the snapshot.
     */
    public synchronized void detach(String rel) throws IOException {
        Path file = Mirror.resolve(live, rel);
        Object links;
        try {
            links = Files.getAttribute(file, "unix:nlink", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || (Integer) links < 2) return;
        Path tmp = Mirror.temp(file);
        Files.copy(file, tmp, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        changed(rel, Mirror.SELF);
    }

    /**
     * The live tree's owner is discarding it (its container is removed). When it is in sync with the
     * snapshot it is moved to {@code spare} (same file system) instead, so the next load of the same
     * snapshot into another folder (the new container of a {@code down}+{@code up}) adopts it by a
     * rename instead of relinking every file. Returns whether it was kept; the caller deletes spares
     * nobody adopted, e.g. when it next opens.
     */
    public static boolean retire(Path live, Path spare) throws IOException {
        Path key = live.toAbsolutePath().normalize();
        synchronized (PAIRS) {
            for (var e : PAIRS.entrySet()) {
                LinkedSnapshot pair = e.getValue();
                if (!e.getKey().get(0).equals(key)) continue;
                synchronized (pair) {
                    if (!pair.inSync() || !Files.isDirectory(live)) return false;
                    Files.createDirectories(spare.toAbsolutePath().getParent());
                    Files.move(live, spare, StandardCopyOption.ATOMIC_MOVE);
                    pair.spare = spare;
                    return true;
                }
            }
        }
        return false;
    }

    /** A retired tree of the same snapshot, in sync with it, moved into the empty or missing live folder. */
    private boolean adopt() throws IOException {
        LinkedSnapshot donor = null;
        synchronized (PAIRS) {
            for (var e : PAIRS.entrySet()) {
                LinkedSnapshot p = e.getValue();
                if (p != this && p.spare != null && p.snapshot.equals(snapshot)) donor = p;
            }
            if (donor == null) return false;
            PAIRS.values().remove(donor);
        }
        if (Files.isDirectory(live)) {
            try (var children = Files.list(live)) {
                if (children.findAny().isPresent()) return false;
            }
            Files.delete(live);
        }
        Files.createDirectories(live.toAbsolutePath().getParent());
        Files.move(donor.spare, live, StandardCopyOption.ATOMIC_MOVE);
        stamps.adopt(donor.stamps);
        all = false;
        return true;
    }

    /** Live → snapshot. */
    public synchronized void save() throws IOException {
        sync(live, snapshot);
    }

    /** Snapshot → live: live becomes exactly the snapshot. */
    public synchronized void load() throws IOException {
        if (all || stamps.isEmpty()) adopt();
        sync(snapshot, live);
    }

    private void sync(Path from, Path to) throws IOException {
        stamps.sync(from, to, pending, all);
        pending.clear();
        all = false;
    }
}
