package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.embedded.EmbeddedEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hook's {@code awslocal} runs outside its container with {@link LabCommands#MOUNTS}: container
 * paths reach only the mounted host folders, and never through a link out of one. These lines are
 * refused before any request (the endpoint answers nothing).
 */
class HookMountsTest {
    @TempDir Path tmp;
    private Path volume;
    private Path outside;
    private EmbeddedEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        volume = Files.createDirectories(tmp.resolve("volume"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "keep me");
        Files.createSymbolicLink(volume.resolve("link"), outside);
        Files.createDirectories(volume.resolve("backup"));
        Files.writeString(volume.resolve("backup/ok.txt"), "mine");
        Files.createSymbolicLink(volume.resolve("backup/secret.txt"), outside.resolve("secret.txt"));
        engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0);
    }

    @AfterEach
    void tearDown() { engine.close(); }

    private List<String> refused(String line) throws Exception {
        var c = new Io.Capture();
        Map<String, String> env = Map.of(LabCommands.MOUNTS, "/var/lib/localstack\t" + volume, "AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        int status = LabCommands.run(engine, Map.of(), Arrays.asList(line.split(" ")), Files.createDirectories(tmp.resolve("cwd")), env, c.io());
        assertEquals(252, status, line + " → " + c.err);
        return c.err;
    }

    @Test
    void aLinkOutOfAMountIsNotFollowed() throws Exception {
        var err = refused("awslocal s3 cp /var/lib/localstack/link/secret.txt s3://b/k");
        assertEquals(List.of("awslocal: /var/lib/localstack/link/secret.txt leads outside the folder mounted at /var/lib/localstack"
                + "; a hook's awslocal reaches only the container's mounts"), err);
        assertTrue(refused("awslocal s3 sync /var/lib/localstack/link s3://b").get(0).contains("leads outside the folder mounted at"));
        assertTrue(refused("awslocal s3 cp s3://b/k /var/lib/localstack/link/new.txt").get(0).contains("leads outside the folder mounted at"));
        assertEquals(List.of("secret.txt"), Files.list(outside).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aSyncUploadRefusesAFileLinkedFromOutside() throws Exception {
        var err = refused("awslocal s3 sync /var/lib/localstack/backup s3://b");
        assertEquals("awslocal: /var/lib/localstack/backup/secret.txt leads outside the folder mounted at /var/lib/localstack"
                + "; a hook's awslocal reaches only the container's mounts", err.get(0));
    }

    @Test
    void pathsOutsideEveryMountAreRefused() throws Exception {
        String outsideMounts = "is outside the container's mounts /var/lib/localstack";
        assertTrue(refused("awslocal s3 cp /etc/hostname s3://b/k").get(0).contains("/etc/hostname " + outsideMounts));
        assertTrue(refused("awslocal s3 cp /var/lib/localstack/../../../etc/hostname s3://b/k").get(0).contains(outsideMounts));
        // the hook's working directory is the container's too: a relative path reaches the host only through a mount
        assertTrue(refused("awslocal s3 cp ../outside/secret.txt s3://b/k").get(0).contains(outsideMounts));
        assertTrue(refused("awslocal s3 cp s3://b/k .bashrc").get(0).contains(".bashrc " + outsideMounts));
    }

    @Test
    void aHookThatChangesToTheRootStillReachesOnlyItsMounts() throws Exception {
        var c = new Io.Capture();
        Map<String, String> env = Map.of(LabCommands.MOUNTS, "/var/lib/localstack\t" + volume, "AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        String secret = outside.resolve("secret.txt").toString().substring(1);
        assertEquals(252, LabCommands.run(engine, Map.of(), List.of("awslocal", "s3", "cp", secret, "s3://b/k"), Path.of("/"), env, c.io()));
        assertTrue(c.err.get(0).contains("is outside the container's mounts"), c.err.toString());
    }
}
