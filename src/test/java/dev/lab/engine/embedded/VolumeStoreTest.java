package dev.lab.engine.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The volume store writes and deletes only inside its root, and a garbled volume is an error, not reused. */
class VolumeStoreTest {
    @TempDir Path tmp;
    private Path root;
    private Path outside;
    private VolumeStore store;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("engine/volumes"));
        outside = Files.createDirectories(tmp.resolve("home/you/photos"));
        Files.writeString(outside.resolve("cat.jpg"), "precious");
        store = new VolumeStore(root);
    }

    private List<String> outsideFiles() throws Exception {
        try (var s = Files.list(outside)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNameThatIsAPathIsRefused() throws Exception {
        for (String name : List.of("x/../../../home/you/photos", "../../home/you/photos", outside.toString(), "..")) {
            assertThrows(IllegalStateException.class, () -> store.ensure(name, "p", "x", false, false), name);
            assertThrows(IllegalStateException.class, () -> store.remove(name), name);
        }
        assertEquals(List.of("cat.jpg"), outsideFiles());
    }

    @Test
    void aVolumeFolderThatLinksOutIsNeitherUsedNorFollowedOnDelete() throws Exception {
        Files.createDirectories(outside.resolve("_data"));
        Files.writeString(outside.resolve("labels.properties"), "dev.lab.managed=true\ncom.docker.compose.project=p\n"
                + "com.docker.compose.volume=v\nlab.anonymous=false\nlab.external=false\n");
        Files.createSymbolicLink(root.resolve("p_v"), outside);
        assertThrows(IllegalStateException.class, () -> store.ensure("p_v", "p", "v", false, false));
        store.purge("p");
        assertEquals(List.of("_data", "cat.jpg", "labels.properties"), outsideFiles());
        assertFalse(Files.exists(root.resolve("p_v")), "the link itself is purged, as a garbled volume of the project");
    }

    @Test
    void aDataFolderThatLinksOutIsRefused() throws Exception {
        store.ensure("p_v", "p", "v", false, false);
        Files.delete(root.resolve("p_v/_data"));
        Files.createSymbolicLink(root.resolve("p_v/_data"), outside);
        assertThrows(IllegalStateException.class, () -> store.ensure("p_v", "p", "v", false, false));
        assertEquals(List.of("cat.jpg"), outsideFiles());
    }

    @Test
    void garbledLabelsAreAnErrorNamingTheFileNotAVolumeSilentlyReused() throws Exception {
        Path data = store.ensure("p_v", "p", "v", false, false);
        Files.writeString(data.resolve("keep.txt"), "x");
        Path labels = root.resolve("p_v/labels.properties");
        Files.write(labels, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        var e = assertThrows(VolumeStore.CorruptVolume.class, () -> store.ensure("p_v", "p", "v", false, false));
        assertTrue(e.getMessage().startsWith(labels + ": unreadable"), e.getMessage());
        assertTrue(e.getMessage().contains("run `reset all`"), e.getMessage());
        assertTrue(e.getMessage().contains("delete the folder " + root.resolve("p_v")), e.getMessage());
        assertThrows(VolumeStore.CorruptVolume.class, () -> store.list("p"));

        Files.writeString(labels, "hello=world\n");
        var garbled = assertThrows(VolumeStore.CorruptVolume.class, () -> store.exists("p_v"));
        assertTrue(garbled.getMessage().startsWith(labels + ": garbled"), garbled.getMessage());
        assertEquals(List.of(), store.list("other"), "another project's listing is not blocked");

        store.purge("p");
        assertFalse(Files.exists(root.resolve("p_v")));
        assertEquals(data, store.ensure("p_v", "p", "v", false, false));
        assertEquals(1, store.list("p").size());
    }
}
