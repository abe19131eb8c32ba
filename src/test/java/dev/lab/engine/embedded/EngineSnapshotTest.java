package dev.lab.engine.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** saveState/restoreState: after `down -v` the container comes back running, serving the S3 data its run held. */
class EngineSnapshotTest extends EngineFixture {
    EngineSnapshotTest() { super(NO_SCRIPTS); }

    private Project project() throws Exception {
        return project("services:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
                + "    container_name: localstack\n    volumes:\n      - data:/var/lib/localstack\nvolumes:\n  data:\n");
    }

    @Test
    void restoreBringsBackRemovedContainersVolumesAndLiveS3DataAndDropsWhatCameSince() throws Exception {
        var p = project();
        engine.up(p, List.of());
        ContainerInfo before = container(p, "localstack");
        Path live = tmp.resolve("engine/containers").resolve(before.id()).resolve("tmp/tmp/localstack-s3-storage");
        assertTrue(Files.isDirectory(live), "the live S3 folder of the run: " + live);
        Files.writeString(live.resolve("bucket-marker"), "in memory on Community");
        Path volume = Path.of(before.mounts().get(0).source());
        Files.writeString(volume.resolve("volume-marker"), "on the volume");
        engine.saveState("proj", tmp.resolve("snap"));

        engine.down(p, true);
        assertTrue(engine.containers(p).isEmpty());
        assertFalse(Files.exists(volume));
        engine.up(p, List.of());
        String since = container(p, "localstack").id();

        engine.restoreState("proj", tmp.resolve("snap"));
        ContainerInfo after = container(p, "localstack");
        assertEquals(before.id(), after.id());
        assertEquals(ContainerInfo.State.RUNNING, after.state());
        assertEquals(List.of(before.id()), engine.containers(p).stream().map(ContainerInfo::id).toList(), "the container made since is gone");
        assertFalse(Files.exists(tmp.resolve("engine/containers").resolve(since)));
        assertEquals("on the volume", Files.readString(volume.resolve("volume-marker")));
        // A resumed run keeps its live S3 data: a plain start would have emptied it, as Community does.
        assertEquals("in memory on Community", Files.readString(live.resolve("bucket-marker")));

        engine.restart(p, List.of());
        assertFalse(Files.exists(live.resolve("bucket-marker")), "a real restart still forgets, as Community does");
    }

    /** A save over an earlier snapshot syncs it: containers gone since are dropped, unchanged files are not copied again. */
    @Test
    void savingOverAnEarlierSnapshotDropsWhatIsGoneAndKeepsWhatIsUnchanged() throws Exception {
        var p = project();
        engine.up(p, List.of());
        String first = container(p, "localstack").id();
        Path volume = Path.of(container(p, "localstack").mounts().get(0).source());
        Files.writeString(volume.resolve("kept"), "same in both saves");
        Path snap = tmp.resolve("snap");
        engine.saveState("proj", snap);
        Path kept = snap.resolve("volumes/proj_data/_data/kept");
        Object inode = Files.getAttribute(kept, "unix:ino");

        engine.down(p, false);
        engine.up(p, List.of());
        String second = container(p, "localstack").id();
        engine.saveState("proj", snap);
        try (var entries = Files.list(snap.resolve("containers"))) {
            assertEquals(List.of(second), entries.map(e -> e.getFileName().toString()).toList(), "the removed container is dropped");
        }
        assertEquals(inode, Files.getAttribute(kept, "unix:ino"), "an unchanged file is not copied again");

        engine.down(p, true);
        engine.restoreState("proj", snap);
        assertEquals(List.of(second), engine.containers(p).stream().map(ContainerInfo::id).toList());
        assertFalse(first.equals(second));
        assertEquals("same in both saves", Files.readString(volume.resolve("kept")));
    }
}
