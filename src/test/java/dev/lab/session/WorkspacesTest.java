package dev.lab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.lab.Lab;
import dev.lab.lab.LabLoader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preparing and wiping the workspace never writes or deletes through a link the learner left in it. */
class WorkspacesTest {
    @TempDir Path tmp;
    private Lab lab;
    private Path workspace;
    private Path outside;

    @BeforeEach
    void setUp() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("labs/demo"));
        Files.createDirectories(dir.resolve("files/data"));
        Files.writeString(dir.resolve("files/data/seed.txt"), "seed");
        lab = LabLoader.parse(Files.writeString(dir.resolve("lab.ko.md"), "---\nlab: demo\ntitle: t\n---\n## 1. a {#a}\n"),
                "---\nlab: demo\ntitle: t\n---\n## 1. a {#a}\n");
        workspace = tmp.resolve("home/demo");
        outside = Files.createDirectories(tmp.resolve("you"));
        Files.writeString(outside.resolve("photo.jpg"), "precious");
        Workspaces.prepare(lab, workspace);
    }

    @Test
    void prepareDoesNotCopyThroughALinkedFolder() throws Exception {
        Files.delete(workspace.resolve("data/seed.txt"));
        Files.delete(workspace.resolve("data"));
        Files.createSymbolicLink(workspace.resolve("data"), outside);
        assertThrows(IllegalStateException.class, () -> Workspaces.prepare(lab, workspace));
        assertFalse(Files.exists(outside.resolve("seed.txt")));
    }

    @Test
    void wipeDeletesLinksNotTheirTargets() throws Exception {
        Files.createSymbolicLink(workspace.resolve("photos"), outside);
        Files.createSymbolicLink(workspace.resolve("data/photo.jpg"), outside.resolve("photo.jpg"));
        Workspaces.wipe(workspace);
        assertFalse(Files.exists(workspace.resolve("photos"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(workspace.resolve("data"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isDirectory(workspace));
        assertEquals("precious", Files.readString(outside.resolve("photo.jpg")));
    }
}
