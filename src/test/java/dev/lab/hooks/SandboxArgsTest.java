package dev.lab.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.MountInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mount inside {@code /etc} (LocalStack's {@code /etc/localstack/init/ready.d}) costs one bind of {@code /etc}, not one
 * per entry, and the sandbox still shows {@code /etc}'s files, to any user, read-only, with the mount in place.
 */
class SandboxArgsTest {
    @TempDir Path tmp;

    private List<MountInfo> readyD() throws Exception {
        Path hooks = Files.createDirectories(tmp.resolve("init"));
        Files.writeString(hooks.resolve("01-hello.sh"), "#!/bin/sh\necho hello\n");
        return List.of(new MountInfo("bind", null, hooks.toString(), "/etc/localstack/init/ready.d", false));
    }

    @Test
    void aMountInsideEtcBindsEtcOnce() throws Exception {
        List<String> args = new SandboxArgs(readyD(), List.of()).build("h");
        long binds = Collections.frequency(args, "--ro-bind");
        assertTrue(binds <= SandboxArgs.SYSTEM.size() + 1, "one bind per system folder and one per mount, not one per /etc entry: " + binds);
        int at = args.indexOf("/run/lab-host/etc");
        assertEquals(List.of("--ro-bind", "/etc", "/run/lab-host/etc"), args.subList(at - 2, at + 1));
        if (Files.isRegularFile(Path.of("/etc/passwd")) && !Files.isSymbolicLink(Path.of("/etc/passwd"))) {
            int link = args.indexOf("/run/lab-host/etc/passwd");
            assertEquals(List.of("--symlink", "/run/lab-host/etc/passwd", "/etc/passwd"), args.subList(link - 1, link + 2));
        }
    }

    @Test
    void theSandboxSeesEtcAndTheMountAsAnyUser() throws Exception {
        Sandbox sandbox = Sandbox.detect();
        assertTrue(sandbox.available(), "bwrap is installed by the test command: " + sandbox.unavailableReason());
        var layout = sandbox.layout(readyD(), List.of());
        String script = "head -1 /etc/passwd; ls /etc/localstack/init/ready.d; stat -c %a /etc; { echo x >> /etc/passwd; } 2>/dev/null || echo read-only;"
                + " touch /etc/lab-sandbox-test 2>/dev/null; true";
        for (List<String> user : List.of(List.<String>of(), List.of("--unshare-user", "--uid", "1000", "--gid", "1000"))) {
            var command = new ArrayList<>(sandbox.command(layout, "h", user, List.of("/bin/sh", "-c", script)));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            String root = Files.readAllLines(Path.of("/etc/passwd")).get(0);
            assertEquals(List.of(root, "01-hello.sh", "755", "read-only"), out.lines().toList(), "as " + user);
        }
        assertTrue(Files.notExists(Path.of("/etc/lab-sandbox-test")), "a new file in /etc stays in the sandbox's own folder");
    }
}
