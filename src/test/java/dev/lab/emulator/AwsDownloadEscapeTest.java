package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.shell.Io;
import dev.lab.shell.LabCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** A hook's {@code awslocal s3 cp} and {@code sync} into a mounted folder never write through a link to a file outside it. */
class AwsDownloadEscapeTest {
    @TempDir Path tmp;

    @Test
    void hookDownloadsRefuseALinkOutOfTheMount() throws Exception {
        Path volume = Files.createDirectories(tmp.resolve("volume"));
        Path dir = Files.createDirectories(volume.resolve("dir"));
        Files.createDirectories(dir.resolve("sub"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("secret.txt"), "keep me");
        Files.createSymbolicLink(dir.resolve("k.txt"), secret);
        Files.createSymbolicLink(dir.resolve("sub/k.txt"), secret);
        try (var h = new Harness(tmp.resolve("ls"), "community-4.14", Map.of()).started();
             var engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0);
             var s3 = h.s3()) {
            s3.createBucket(r -> r.bucket("lab-b"));
            s3.putObject(r -> r.bucket("lab-b").key("k.txt"), RequestBody.fromString("overwritten"));
            s3.putObject(r -> r.bucket("lab-b").key("sub/k.txt"), RequestBody.fromString("overwritten"));
            Map<String, String> env = Map.of(LabCommands.MOUNTS, "/s3-backup\t" + volume, "AWS_ENDPOINT_URL", h.emulator.endpoint());
            Path cwd = Files.createDirectories(tmp.resolve("cwd"));
            var hook = new Object() {
                final Io.Capture c = new Io.Capture();
                int run(String line) { return LabCommands.run(engine, Map.of(), Arrays.asList(line.split(" ")), cwd, env, c.io()); }
            };
            assertEquals(252, hook.run("awslocal s3 cp s3://lab-b/k.txt /s3-backup/dir/"));
            assertTrue(hook.c.err.get(0).contains("/s3-backup/dir/k.txt leads outside the folder mounted at /s3-backup"), hook.c.err.toString());
            assertEquals(252, hook.run("awslocal s3 sync s3://lab-b /s3-backup/dir"));
            assertEquals("keep me", Files.readString(secret));
            assertEquals(0, hook.run("awslocal s3 cp s3://lab-b/k.txt /s3-backup/dir/sub/copy.txt"));
            assertEquals("overwritten", Files.readString(dir.resolve("sub/copy.txt")));
        }
    }
}
