package dev.lab.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tree copies hold copies, never links out of the tree; deletes remove links, never their targets. */
class FileTreesTest {
    @TempDir Path tmp;

    @Test
    void copyFollowsALinkedRootButNeverLinksOut() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real/data"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "not yours");
        Files.writeString(real.resolve("a.txt"), "a");
        Files.createSymbolicLink(real.resolve("inside.txt"), real.resolve("a.txt"));
        Files.createSymbolicLink(real.resolve("out.txt"), secret);
        Files.createSymbolicLink(real.resolve("outdir"), tmp);
        Path ro = Files.createDirectories(real.resolve("ro"));
        Files.writeString(ro.resolve("b.txt"), "b");
        Files.setAttribute(ro, "unix:mode", 0555);
        Path link = Files.createSymbolicLink(tmp.resolve("bind"), real);

        Path to = tmp.resolve("copy");
        FileTrees.copy(link, to);

        assertTrue(Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS));
        assertEquals("a", Files.readString(to.resolve("inside.txt")));
        assertFalse(Files.isSymbolicLink(to.resolve("inside.txt")));
        assertFalse(Files.exists(to.resolve("out.txt"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(to.resolve("outdir"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("b", Files.readString(to.resolve("ro/b.txt")));
        assertEquals(0555, (Integer) Files.getAttribute(to.resolve("ro"), "unix:mode") & 07777);
        Files.writeString(to.resolve("a.txt"), "changed");
        assertEquals("a", Files.readString(real.resolve("a.txt")));
        assertEquals("not yours", Files.readString(secret));
    }

    @Test
    void deleteInsideRemovesLinksAndRefusesPathsThatLeadOut() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Files.createSymbolicLink(root.resolve("link"), outside);
        Files.createSymbolicLink(root.resolve("dangling"), tmp.resolve("nowhere"));

        assertThrows(Inside.OutsideException.class, () -> FileTrees.deleteInside(root, root.resolve("link/keep.txt")));
        assertThrows(Inside.OutsideException.class, () -> FileTrees.deleteInside(root, root.resolve("../outside")));
        FileTrees.deleteInside(root, root.resolve("link"));
        FileTrees.deleteInside(root, root.resolve("dangling"));

        assertFalse(Files.exists(root.resolve("link"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(root.resolve("dangling"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep", Files.readString(outside.resolve("keep.txt")));
    }

    @Test
    void requireJudgesWhereAPathLeads() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.createSymbolicLink(root.resolve("out"), tmp.resolve("elsewhere.txt"));
        Files.createSymbolicLink(root.resolve("in"), root.resolve("new.txt"));
        assertThrows(Inside.OutsideException.class, () -> Inside.require(root, root.resolve("out")));
        assertEquals(root.resolve("in"), Inside.require(root, root.resolve("in")));
        assertEquals(root.resolve("a/b/c"), Inside.require(root, root.resolve("a/b/c")));
    }
}
