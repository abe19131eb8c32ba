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
 * outside the tree is read or written. Files are copied between a live tree and a snapshot, never
 * shared, because the tree's owner may edit them in place ({@link LinkedSnapshot} shares them where
 * the owner only ever replaces them by rename); snapshots may share files with each other
 * ({@link #share}), so a series of them costs O(what changed between them) in bytes.
 */
public final class TreeSnapshot {
    private TreeSnapshot() {
    }

    /** Makes {@code snapshot} (created or replaced) hold the tree {@code live} as it is now. */
    public static void take(Path live, Path snapshot) throws IOException {
        sync(live, snapshot);
    }

    /**
     * Makes {@code to} (created or replaced) a snapshot equal to the snapshot {@code from} whose files are hard
     * links to {@code from}'s, so a {@link #take} into it next copies only what changed since {@code from} was
     * taken. Safe because nothing writes a snapshot's file in place: {@link #take} replaces a changed file by
     * rename and {@link #restore} copies out of it, so a live tree never shares a snapshot's inode.
     */
    public static void share(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) throw new java.nio.file.NoSuchFileException(from.toString(), null, "no such folder");
        Path parent = to.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        new Mirror(from.toRealPath(), to, Mirror.Mode.LINK, folder -> { }).entry("", Mirror.DEEP);
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
