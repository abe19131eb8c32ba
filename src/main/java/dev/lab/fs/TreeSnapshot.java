package dev.lab.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A copy of a folder tree kept aside and put back: bytes, mode and extended attributes (S3Proxy
 * keeps object metadata in xattrs). Links out of the tree are never followed. This plain version
 * copies everything; the live folder itself is kept on restore, since a running server or a
 * shell may hold it open.
 */
public final class TreeSnapshot {
    private TreeSnapshot() {
    }

    /** Makes {@code snapshot} (created or replaced) hold the tree {@code live} as it is now. */
    public static void take(Path live, Path snapshot) throws IOException {
        FileTrees.delete(snapshot);
        Files.createDirectories(snapshot.getParent());
        if (Files.isDirectory(live, LinkOption.NOFOLLOW_LINKS)) FileTrees.copy(live, snapshot);
        else Files.createDirectories(snapshot);
    }

    /** Makes {@code live} exactly the snapshot again: files added since are removed. */
    public static void restore(Path snapshot, Path live) throws IOException {
        Files.createDirectories(live);
        try (var children = Files.list(live)) {
            for (Path child : children.toList()) FileTrees.delete(child);
        }
        FileTrees.copy(snapshot, live);
    }
}
