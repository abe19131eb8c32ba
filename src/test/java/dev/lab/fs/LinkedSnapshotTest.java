package dev.lab.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkedSnapshotTest {
    @TempDir Path tmp;

    /** Writes as S3Proxy does: a temporary file renamed over the key. */
    private static void put(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Path t = file.resolveSibling(".tmp-put");
        Files.writeString(t, text);
        Files.move(t, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Object inode(Path p) throws Exception {
        return Files.getAttribute(p, "unix:ino");
    }

    @Test
    void savesOnlyWhatChangedAndSharesTheRest() throws Exception {
        Path live = Files.createDirectories(tmp.resolve("live"));
        Path snap = tmp.resolve("vol/state/s3");
        for (int i = 0; i < 50; i++) put(live.resolve("b/k" + i), "v" + i);
        var tree = LinkedSnapshot.of(live, snap);
        tree.save();
        assertEquals(TreeState.of(live), TreeState.of(snap));
        assertEquals(inode(live.resolve("b/k1")), inode(snap.resolve("b/k1")), "unchanged files are shared");

        put(live.resolve("b/k1"), "changed");
        put(live.resolve("b/sub/new"), "new");
        Files.delete(live.resolve("b/k2"));
        tree.changed("b/k1", LinkedSnapshot.DEEP);
        tree.changed("b/sub/new", LinkedSnapshot.DEEP);
        tree.changed("b/k2", LinkedSnapshot.DEEP);
        Object k3 = inode(snap.resolve("b/k3"));
        tree.save();
        assertEquals(TreeState.of(live), TreeState.of(snap));
        assertEquals(k3, inode(snap.resolve("b/k3")), "untouched entries are not relinked");
        assertTrue(tree.inSync());
    }

    @Test
    void detachKeepsModeAndAttributeChangesOutOfTheSnapshot() throws Exception {
        Path live = Files.createDirectories(tmp.resolve("live"));
        Path snap = tmp.resolve("snap");
        put(live.resolve("b/obj"), "bytes");
        var tree = LinkedSnapshot.of(live, snap);
        tree.save();
        var saved = TreeState.of(snap);

        tree.detach("b/obj");
        Files.setPosixFilePermissions(live.resolve("b/obj"), PosixFilePermissions.fromString("rw-r--r-x"));
        Files.getFileAttributeView(live.resolve("b/obj"), UserDefinedFileAttributeView.class)
                .write("version-id", ByteBuffer.wrap("v1".getBytes(StandardCharsets.UTF_8)));
        assertEquals(saved, TreeState.of(snap));

        tree.load();
        assertEquals(saved, TreeState.of(live));
    }

    @Test
    void loadUndoesUnsavedChangesAndNoticesEditsToTheSnapshotFolder() throws Exception {
        Path live = Files.createDirectories(tmp.resolve("live"));
        Path snap = tmp.resolve("snap");
        put(live.resolve("b/keep"), "keep");
        put(live.resolve("b/gone"), "gone");
        var tree = LinkedSnapshot.of(live, snap);
        tree.save();

        put(live.resolve("b/unsaved"), "x");
        tree.changed("b/unsaved", LinkedSnapshot.DEEP);
        Files.delete(snap.resolve("b/gone"));               // someone on the host, no hint
        tree.load();
        assertEquals(TreeState.of(snap), TreeState.of(live));
        assertFalse(Files.exists(live.resolve("b/gone")));
        assertFalse(Files.exists(live.resolve("b/unsaved")));
    }

    @Test
    void withoutHintsTheFirstSyncWalksEverything() throws Exception {
        Path live = Files.createDirectories(tmp.resolve("live"));
        Path snap = tmp.resolve("snap");
        Files.createDirectories(snap.resolve("b"));
        Files.writeString(snap.resolve("b/stale"), "old");
        put(live.resolve("b/obj"), "bytes");
        LinkedSnapshot.of(live, snap).save();
        assertEquals(TreeState.of(live), TreeState.of(snap));
    }
}
