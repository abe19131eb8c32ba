package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.shell.Io;
import dev.lab.shell.Shell;
import dev.lab.shell.ShellError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** {@code aws s3 cp} and {@code sync} into the workspace never write through a link to a file outside it. */
class AwsDownloadEscapeTest {
    @TempDir Path tmp;

    @Test
    void downloadsRefuseALinkToAnOutsideFile() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Path dir = Files.createDirectories(ws.resolve("dir"));
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
            var shell = new Shell(engine, () -> { throw new ShellError("no project"); }, ws,
                    () -> java.net.URI.create(h.emulator.endpoint()), Map.of());
            Io io = new Io.Capture().io(List.of());
            assertThrows(ShellError.class, () -> shell.run("awslocal s3 cp s3://lab-b/k.txt dir/", io));
            assertThrows(ShellError.class, () -> shell.run("awslocal s3 sync s3://lab-b dir", io));
            assertEquals("keep me", Files.readString(secret));
            assertEquals(0, shell.run("awslocal s3 cp s3://lab-b/k.txt dir/sub/copy.txt", io));
            assertEquals("overwritten", Files.readString(dir.resolve("sub/copy.txt")));
        }
    }
}
