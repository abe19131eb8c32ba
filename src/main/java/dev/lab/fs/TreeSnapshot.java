package dev.lab.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Point-in-time copies of folder trees, for the presenter's step snapshots and anything else that
 * must put a tree back as it was. Both directions touch only what differs (rsync's quick check:
 * size, modification time and mode), so a snapshot of a tree that barely changed costs a walk,
 * not a copy of its data. Bytes, mode and extended attributes are kept (S3Proxy keeps object
 * metadata in extended attributes); links are kept as links and never followed, so nothing
 * outside the tree is read or written. Files are copied, never shared, because the tree's owner
 * may edit them in place; {@link LinkedSnapshot} shares files where the owner only ever replaces
 * them by rename.
 */
public final class TreeSnapshot {
    private TreeSnapshot() {
    }

    /** Makes {@code snapshot} (created or replaced) hold the tree {@code live} as it is now. */
    public static void take(Path live, Path snapshot) throws IOException {
        sync(live, snapshot);
    }

    /** Makes {@code live} exactly the snapshot again: files added since are removed. */
    public static void restore(Path snapshot, Path live) throws IOException {
        sync(snapshot, live);
    }

    private static void sync(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) throw new java.nio.file.NoSuchFileException(from.toString(), null, "no such folder");
        Path parent = to.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        new Mirror(from.toRealPath(), to, Mirror.Mode.COPY, folder -> { }).entry("", Mirror.DEEP);
    }
}
