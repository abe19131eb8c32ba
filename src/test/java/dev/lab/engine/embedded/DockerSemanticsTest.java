package dev.lab.engine.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import dev.lab.testing.Owners;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Docker and Compose semantics of facts.md, on the embedded engine (ephemeral ports, no S3 traffic needed). */
class DockerSemanticsTest extends EngineFixture {
    /** Folder owners as roles, renamed when the tests do not run as root. */
    private static final Owners OWNERS = Owners.ofRunner();

    DockerSemanticsTest() { super(NO_SCRIPTS); }

    private Project project(String volumes, String topLevel, String user) throws Exception {
        String yaml = "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n    container_name: localstack\n"
                + (user == null ? "" : "    user: \"" + user + "\"\n")
                + (volumes == null ? "" : "    volumes:\n      - " + volumes + "\n")
                + (topLevel == null ? "" : "volumes:\n" + topLevel);
        return project(yaml);
    }

    private ContainerInfo localstack(Project p) { return container(p, "localstack"); }

    @Test
    void restartAndStopStartKeepTheSameContainerAndItsAnonymousVolume() throws Exception {
        var p = project(null, null, null);
        engine.up(p, List.of());
        var before = localstack(p);
        assertEquals("volume", before.mounts().get(0).type(), "the image's VOLUME gives an anonymous volume");
        engine.restart(p, List.of());
        assertEquals(before.id(), localstack(p).id());
        assertEquals(before.mounts(), localstack(p).mounts());
        engine.stop(p, List.of());
        assertEquals(ContainerInfo.State.EXITED, localstack(p).state());
        engine.start(p, List.of());
        assertEquals(before.id(), localstack(p).id());
        assertTrue(localstack(p).running());
    }

    @Test
    void upAfterDownMakesANewContainerAndANewAnonymousVolumeLeavingTheOldOneDangling() throws Exception {
        var p = project(null, null, null);
        engine.up(p, List.of());
        var first = localstack(p);
        engine.down(p, false);
        assertTrue(engine.container(p, "localstack").isEmpty());
        assertEquals(1, engine.volumes(p).size(), "down keeps the anonymous volume");
        engine.up(p, List.of());
        assertNotEquals(first.id(), localstack(p).id());
        assertNotEquals(first.mounts().get(0).name(), localstack(p).mounts().get(0).name());
        assertEquals(2, engine.volumes(p).size());
    }

    @ParameterizedTest(name = "{0}: down -v leaves volume={2}, host folder={3}")
    @CsvSource(delimiter = '|', value = {
        "named    | data:/var/lib/localstack             | false | true",
        "bind     | ./localstack_data:/var/lib/localstack | true  | true",
        "external | ext:/var/lib/localstack              | true  | true",
        "none     |                                       | false | true"})
    void downMinusVRemovesDeclaredAndAnonymousVolumesButNeverBindsOrExternals(String kind, String mount, boolean volumeLeft,
                                                                              boolean hostFolderLeft) throws Exception {
        String top = switch (kind) {
            case "named" -> "  data:\n";
            case "external" -> "  ext:\n    external: true\n";
            default -> null;
        };
        if (kind.equals("external")) new VolumeStore(tmp.resolve("engine/volumes")).ensure("ext", "other", "ext", false, true);
        var p = project(mount, top, null);
        engine.up(p, List.of());
        Path data = Path.of(localstack(p).mounts().get(0).source());
        assertTrue(Files.isDirectory(data.resolve("logs")), "LocalStack wrote its volume layout");
        engine.down(p, true);
        boolean left = kind.equals("bind") ? Files.isDirectory(data.resolve("logs"))
                : kind.equals("external") ? new VolumeStore(tmp.resolve("engine/volumes")).exists("ext")
                : engine.volumes(p).stream().anyMatch(v -> data.startsWith(v.mountpoint()));
        assertEquals(volumeLeft, left);
        assertEquals(hostFolderLeft, Files.isDirectory(ws));
    }

    @Test
    void downWithoutVKeepsNamedVolumesAndTheirData() throws Exception {
        var p = project("data:/var/lib/localstack", "  data:\n", null);
        engine.up(p, List.of());
        Path marker = Path.of(localstack(p).mounts().get(0).source()).resolve("marker");
        Files.writeString(marker, "x");
        engine.down(p, false);
        assertTrue(Files.exists(marker));
        assertEquals("proj_data", engine.volumes(p).get(0).name());
    }

    @ParameterizedTest(name = "user {0} on a bind folder owned {1} mode {2} → running={3}")
    @CsvSource({"1000:1000, 0, 755, false", "1000:1000, 1000, 755, true", "1000:1000, 0, 777, true",
                "1000:1000, 0, 775, false", ", 0, 700, true"})
    void aContainerUserThatCannotWriteItsBindFolderFailsToStartWithTheEntrypointLine(String user, int owner, String mode,
                                                                                      boolean running) throws Exception {
        Path folder = Files.createDirectories(ws.resolve("localstack_data"));
        OWNERS.own(folder, owner, owner, Integer.parseInt(mode, 8));
        var p = project("./localstack_data:/var/lib/localstack", null, OWNERS.user(user, owner, owner));
        engine.up(p, List.of());
        assertEquals(running, localstack(p).running());
        if (!running) {
            assertEquals(1, localstack(p).exitCode());
            assertTrue(engine.logs(p, "localstack").contains(
                    "mkdir: cannot create directory ‘/var/lib/localstack/logs’: Permission denied"));
        }
    }

    @Test
    void aNonRootUserStartsOnAFreshNamedVolumeAndOnOneRootUsedFirst() throws Exception {
        // Docker fills a new volume from the image's /var/lib/localstack (root's, 0777); the entrypoint only makes logs/.
        var fresh = project("data:/var/lib/localstack", "  data:\n", "1000:1000");
        engine.up(fresh, List.of());
        assertTrue(localstack(fresh).running(), String.join("\n", engine.logs(fresh, "localstack")));
        engine.down(fresh, true);

        engine.up(project("other:/var/lib/localstack", "  other:\n", null), List.of());
        var later = project("other:/var/lib/localstack", "  other:\n", "1000:1000");
        engine.up(later, List.of());
        assertTrue(localstack(later).running(), String.join("\n", engine.logs(later, "localstack")));
    }

    @Test
    void aPortInUseIsAClearErrorAndNothingIsLeftHalfStarted() throws Exception {
        try (var taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String yaml = "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n    container_name: localstack\n"
                    + "    ports:\n      - \"127.0.0.1:" + taken.getLocalPort() + ":4566\"\n";
            var p = project(yaml);
            var e = assertThrows(EngineException.class, () -> engine.up(p, List.of()));
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
            assertTrue(engine.containers(p).isEmpty(), "no container left behind");
            assertTrue(engine.volumes(p).isEmpty(), "no anonymous volume left behind");
        }
    }

    @Test
    void anImageTheEngineCannotRunIsNamed() throws Exception {
        var p = project("services:\n  db:\n    image: postgres:16\n");
        var e = assertThrows(EngineException.class, () -> engine.up(p, List.of()));
        assertTrue(e.getMessage().contains("postgres:16"), e.getMessage());
    }

    @Test
    void latestWithoutATokenExitsWith55OnCommunity() throws Exception {
        var p = project("services:\n  localstack:\n    image: localstack/localstack:latest\n");
        engine.up(p, List.of());
        var c = localstack(p);
        assertEquals(55, c.exitCode());
        assertFalse(c.running());
    }

    @Test
    void containersOutliveTheRunnerStoppedWithTheirLogsAndVolumes() throws Exception {
        var p = project("data:/var/lib/localstack", "  data:\n", null);
        engine.up(p, List.of());
        var before = localstack(p);
        // `up` returns before the ready.d stage ends (the readiness window); the log line comes after it.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (engine.logs(p, "localstack").stream().noneMatch(l -> l.contains("Ready.")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        reopen();
        var after = localstack(p);
        assertEquals(before.id(), after.id());
        assertEquals(ContainerInfo.State.EXITED, after.state());
        assertEquals(before.mounts(), after.mounts());
        assertTrue(engine.logs(p, "localstack").stream().anyMatch(l -> l.contains("Ready.")));
        engine.start(p, List.of());
        assertTrue(localstack(p).running());
        assertEquals(before.id(), localstack(p).id());
    }

    @Test
    void recreatingAChangedContainerHandsItsAnonymousVolumeToTheNewOne() throws Exception {
        var p = project(null, null, null);
        engine.up(p, List.of());
        var first = localstack(p);
        var changed = project(Files.readString(ws.resolve("docker-compose.yml")) + "    environment:\n      - DEBUG=1\n");
        engine.up(changed, List.of());
        assertNotEquals(first.id(), localstack(changed).id());
        assertEquals(first.mounts().get(0).name(), localstack(changed).mounts().get(0).name());
        assertEquals(1, engine.volumes(changed).size());
    }

    @Test
    void purgeRemovesEveryLabelledContainerAndVolumeOfTheProjectOnly() throws Exception {
        var p = project("data:/var/lib/localstack", "  data:\n", null);
        engine.up(p, List.of());
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("docker-compose.yml"),
                "services:\n  ls2:\n    image: localstack/localstack:4.14.0\n    container_name: ls2\n");
        var foreign = new Project("other", other, ComposeParser.parse(other.resolve("docker-compose.yml")));
        engine.up(foreign, List.of());
        var orphaned = project("services:\n  app:\n    image: portal-universe/blog-service:latest\n");
        engine.purge("proj");
        assertTrue(engine.containers(orphaned).isEmpty(), "the orphan localstack is gone too");
        assertTrue(engine.volumes(orphaned).isEmpty());
        assertTrue(engine.container(foreign, "ls2").orElseThrow().running(), "another project is untouched");
        assertEquals(1, engine.volumes(foreign).size());
    }
}
