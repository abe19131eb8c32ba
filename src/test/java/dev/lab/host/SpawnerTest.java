package dev.lab.host;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host is started detached (no child left behind), and one that dies at start is still told at once with its log. */
class SpawnerTest {
    @TempDir Path state;

    @Test
    void aHostThatExitsAtStartIsReportedWithItsLastLogLineWithoutWaitingForTheTimeout() {
        var paths = HostPaths.under(state);
        long t0 = System.nanoTime();
        var e = assertThrows(IOException.class, () -> Spawner.ensure(paths, List.of("/bin/sh", "-c", "echo cannot open the engine; exit 3"),
                60_000, line -> { }));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.getMessage().startsWith("the engine host exited: cannot open the engine (see "), e.getMessage());
        assertTrue(millis < 20_000, "told after " + millis + " ms");
    }

    @Test
    void theStarterKeepsNoChildProcess() throws Exception {
        var paths = HostPaths.under(state);
        String marker = "lab-spawner-test-" + ProcessHandle.current().pid();
        // The "host" sleeps; this test answers on its socket for it a moment later.
        var answer = new Thread(() -> {
            try {
                Thread.sleep(500);
                var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX);
                server.bind(java.net.UnixDomainSocketAddress.of(paths.socket()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        answer.start();
        try {
            Spawner.ensure(paths, List.of("/bin/sh", "-c", "sleep 20 # " + marker), 30_000, line -> { });
            assertTrue(Spawner.answers(paths.socket()));
            assertTrue(ProcessHandle.current().children().findAny().isEmpty(),
                    "a live child keeps a reaper thread in native code, which delays this JVM's exit by ~300 ms");
        } finally {
            answer.join();
            ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(marker))
                    .orElse(false)).forEach(ProcessHandle::destroy);
        }
    }
}
