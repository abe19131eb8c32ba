package dev.lab.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The syncs of one {@link LinkedSnapshot} pair, and the record each leaves for the next: every
 * folder's inode and modification time on both sides. A folder whose record moved, with no pending
 * change to explain it, has its entries diffed again; without a record the whole tree is walked.
 */
final class FolderStamps {
    private record Stamp(Object liveKey, long liveMtime, Object snapKey, long snapMtime) {
    }

    private final Path live;
    private final Path snapshot;
    private Map<String, Stamp> stamps = new HashMap<>();

    FolderStamps(Path live, Path snapshot) {
        this.live = live;
        this.snapshot = snapshot;
    }

    boolean isEmpty() {
        return stamps.isEmpty();
    }

    /** Takes over the record of a retired tree that now stands in this pair's live folder. */
    void adopt(FolderStamps donor) {
        stamps = donor.stamps;
    }

    /**
     * Makes {@code to} (one side of the pair) equal to {@code from} (the other): the whole tree when
     * {@code whole} or without a record, else the {@code pending} entries (path to depth) and the
     * folders whose record moved. Then records every folder both sides have.
     */
    void sync(Path from, Path to, Map<String, Integer> pending, boolean whole) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        Set<String> seen = new HashSet<>();
        Mirror mirror = new Mirror(from, to, Mirror.Mode.LINK, seen::add);
        if (whole || stamps.isEmpty() || !Files.isDirectory(to)) {
            mirror.entry("", Mirror.DEEP);
        } else {
            List<String> moved = new ArrayList<>();
            for (String dir : stamps.keySet()) {
                Stamp was = stamps.get(dir);
                Stamp now = stamp(dir);
                // Pending changes explain a live folder moving, never a snapshot folder: only the owner's
                // writer reports changes, and it writes to the live tree.
                boolean liveMoved = now == null || !Objects.equals(now.liveKey(), was.liveKey())
                        || now.liveMtime() != was.liveMtime();
                boolean snapMoved = now == null || !Objects.equals(now.snapKey(), was.snapKey())
                        || now.snapMtime() != was.snapMtime();
                if (snapMoved || liveMoved && !covered(pending, dir)) moved.add(dir);
            }
            for (var e : pending.entrySet()) mirror.entry(topmostMissing(from, to, e.getKey()), e.getValue());
            for (String dir : moved) mirror.entry(dir, Mirror.CHILDREN);
            seen.addAll(stamps.keySet());
        }
        Map<String, Stamp> fresh = new HashMap<>();
        for (String dir : seen) {
            Stamp s = stamp(dir);
            if (s != null) fresh.put(dir, s);
        }
        stamps = fresh;
    }

    /** A folder whose entries the pending changes name (their parents): its stamp is expected to move. */
    private static boolean covered(Map<String, Integer> pending, String dir) {
        for (String p : pending.keySet()) {
            if (dir.isEmpty() || p.equals(dir) || p.startsWith(dir + "/")) return true;
        }
        return false;
    }

    /** The path itself, or its highest ancestor missing on either side (a whole new or removed subtree). */
    private static String topmostMissing(Path from, Path to, String rel) {
        String[] parts = rel.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (i > 0) prefix.append('/');
            prefix.append(parts[i]);
            String p = prefix.toString();
            if (!Files.isDirectory(from.resolve(p)) || !Files.isDirectory(to.resolve(p))) return p;
        }
        return rel;
    }

    private Stamp stamp(String dir) throws IOException {
        PosixFileAttributes l = Mirror.attrs(Mirror.resolve(live, dir));
        PosixFileAttributes s = Mirror.attrs(Mirror.resolve(snapshot, dir));
        if (l == null || s == null || !l.isDirectory() || !s.isDirectory()) return null;
        return new Stamp(l.fileKey(), l.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                s.fileKey(), s.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }
}
