package dev.lab.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How lab starts a host: detached, not its own child (a JVM waits at exit for threads reaping live children). */
class SpawnerTest {
    @TempDir
    Path tmp;

    @Test
    void theHostIsNotAChildOfTheStarter() throws Exception {
        var paths = HostPaths.under(tmp);
        // A stand-in host: listens on the socket and stays.
        var server = List.of("/usr/bin/python3", "-c", "import socket,sys,time; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); "
                + "s.listen(); print('listening', flush=True); time.sleep(60)", paths.socket().toString());
        Spawner.ensure(paths, server, 20_000, line -> { });
        ProcessHandle host = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(paths.socket().toString())).orElse(false))
                .findFirst().orElseThrow();
        try {
            assertTrue(host.isAlive());
            assertFalse(ProcessHandle.current().children().anyMatch(c -> c.pid() == host.pid()),
                    "the host is this JVM's child: its reaper thread holds the JVM 300 ms at exit");
            assertTrue(ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive), "the starting shell is gone");
            assertTrue(Files.readString(paths.log()).contains("listening"), "the host's output goes to its log");
        } finally {
            host.destroy();
        }
    }

    @Test
    void aHostThatDiesAtOnceIsReportedWithItsLastLogLine() {
        var paths = HostPaths.under(tmp);
        long start = System.nanoTime();
        var e = assertThrows(IOException.class, () -> Spawner.ensure(paths,
                List.of("/bin/sh", "-c", "echo 'cannot bind port 4566'; exit 3"), 20_000, line -> { }));
        assertTrue(e.getMessage().contains("exited: cannot bind port 4566"), e.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "a dead host is noticed, not waited out");
    }
}
