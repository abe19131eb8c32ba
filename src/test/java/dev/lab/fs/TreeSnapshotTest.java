package dev.lab.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeSnapshotTest {
    @TempDir Path tmp;

    private static void xattr(Path p, String name, String value) throws Exception {
        Files.getFileAttributeView(p, UserDefinedFileAttributeView.class)
                .write(name, ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
    }

    private Path sample() throws Exception {
        Path live = Files.createDirectories(tmp.resolve("live/b/deep"));
        Files.writeString(live.resolve("a.txt"), "alpha");
        Files.writeString(live.resolve("one.json"), "{\"n\": 1}");
        xattr(live.resolve("one.json"), "content-type", "application/json");
        Files.setPosixFilePermissions(live.resolve("a.txt"), PosixFilePermissions.fromString("rw-------"));
        xattr(live.getParent(), "versioning", "Enabled");
        return tmp.resolve("live");
    }

    @Test
    void restorePutsBackBytesModeAndAttributesAndRemovesWhatWasAdded() throws Exception {
        Path live = sample();
        Path snap = tmp.resolve("state/snap");
        TreeSnapshot.take(live, snap);
        var before = TreeState.of(live);
        assertEquals(before, TreeState.of(snap));

        Path a = live.resolve("b/deep/a.txt");
        FileTime mtime = Files.getLastModifiedTime(a);
        Files.writeString(a, "ALPHA");                       // same size, in place
        Files.setLastModifiedTime(a, FileTime.fromMillis(mtime.toMillis() + 1000));
        Files.setPosixFilePermissions(live.resolve("b/deep/one.json"), PosixFilePermissions.fromString("rw-r--r--"));
        xattr(live.resolve("b"), "versioning", "Suspended");
        Files.writeString(live.resolve("b/new.txt"), "new");
        Files.createDirectories(live.resolve("c/d"));
        assertNotEquals(before, TreeState.of(live));
        assertEquals(before, TreeState.of(snap), "the snapshot shares nothing with the live tree");

        TreeSnapshot.restore(snap, live);
        assertEquals(before, TreeState.of(live));
        assertFalse(Files.exists(live.resolve("c")));
    }

    @Test
    void linksAreKeptAsLinksAndNeverFollowed() throws Exception {
        Path live = sample();
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "keep me");
        Files.createSymbolicLink(live.resolve("b/out"), outside);
        Path snap = tmp.resolve("snap");
        TreeSnapshot.take(live, snap);
        assertTrue(Files.isSymbolicLink(snap.resolve("b/out")));
        Files.delete(live.resolve("b/out"));
        Files.writeString(live.resolve("b/out"), "a file where the link was");
        TreeSnapshot.restore(snap, live);
        assertTrue(Files.isSymbolicLink(live.resolve("b/out")));
        assertEquals("keep me", Files.readString(outside));
    }

    @Test
    void takingAgainReplacesAnOlderSnapshot() throws Exception {
        Path live = sample();
        Path snap = tmp.resolve("snap");
        TreeSnapshot.take(live, snap);
        Files.delete(live.resolve("b/deep/a.txt"));
        TreeSnapshot.take(live, snap);
        assertEquals(TreeState.of(live), TreeState.of(snap));
        assertFalse(Files.exists(snap.resolve("b/deep/a.txt")));
    }

    /**
     * A snapshot started from an earlier one shares its unchanged files and copies only what changed; editing the live
     * tree in place, taking the later one or restoring either never reaches the other.
     */
    @Test
    void aSnapshotSharedFromAnEarlierOneCopiesOnlyWhatChangedAndLeavesTheEarlierOneAsItWas() throws Exception {
        Path live = sample();
        Path first = tmp.resolve("snaps/0");
        Path second = tmp.resolve("snaps/1");
        TreeSnapshot.take(live, first);
        var atFirst = TreeState.of(live);

        Path a = live.resolve("b/deep/a.txt");
        FileTime mtime = Files.getLastModifiedTime(a);
        Files.writeString(a, "ALPHA");                       // same size, in place
        Files.setLastModifiedTime(a, FileTime.fromMillis(mtime.toMillis() + 1000));
        Files.delete(live.resolve("b/deep/one.json"));
        Files.writeString(live.resolve("b/new.txt"), "new");
        TreeSnapshot.share(first, second);
        assertEquals(atFirst, TreeState.of(second));
        TreeSnapshot.take(live, second);
        var atSecond = TreeState.of(live);
        assertEquals(atSecond, TreeState.of(second));
        assertEquals(atFirst, TreeState.of(first), "the earlier snapshot is untouched");
        assertNotEquals(inode(first.resolve("b/deep/a.txt")), inode(second.resolve("b/deep/a.txt")), "changed: copied");

        Files.writeString(live.resolve("b/new.txt"), "NEW", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(atSecond, TreeState.of(second), "live files never share a snapshot's inode");
        TreeSnapshot.restore(first, live);
        assertEquals(atFirst, TreeState.of(live));
        Files.writeString(live.resolve("b/deep/one.json"), "x", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(atFirst, TreeState.of(first), "a restored file is a copy");
        TreeSnapshot.restore(second, live);
        assertEquals(atSecond, TreeState.of(live));
    }

    @Test
    void sharingLinksFilesInsteadOfCopyingThem() throws Exception {
        Path live = sample();
        Path first = tmp.resolve("snaps/0");
        TreeSnapshot.take(live, first);
        Path second = tmp.resolve("snaps/1");
        TreeSnapshot.share(first, second);
        TreeSnapshot.take(live, second);
        for (String f : new String[] {"b/deep/a.txt", "b/deep/one.json"}) {
            assertEquals(inode(first.resolve(f)), inode(second.resolve(f)), f + " unchanged: one file for both snapshots");
        }
    }

    private static Object inode(Path p) throws Exception {
        return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
    }
}
