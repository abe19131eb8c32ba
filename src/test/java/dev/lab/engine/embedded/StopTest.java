package dev.lab.engine.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.ContainerInfo.State;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker stop of a one-shot records what its main process returned (a SIGTERM it handles ends it with its own code),
 * and ends what it left running, as the container's PID namespace ends; the codes on both engines: StopOnEnginesTest.
 */
class StopTest extends EngineFixture {
    StopTest() { super(UNCONFINED); }

    @Test
    void theExitCodeIsTheMainProcesssOwnAndWhatItLeftRunningGoesToo() throws Exception {
        Files.createDirectories(ws.resolve("pids"));
        var p = project("""
                services:
                  trapped:
                    image: localstack/localstack:4.14.0
                    entrypoint: ["bash", "-c", "trap 'echo got TERM; exit 3' TERM; sleep 100 & echo $! > /pids/sleep; wait"]
                    volumes: ["./pids:/pids"]
                """);
        engine.up(p, List.of());
        for (int i = 0; i < 100 && !Files.exists(ws.resolve("pids/sleep")); i++) Thread.sleep(50);
        long sleep = Long.parseLong(Files.readString(ws.resolve("pids/sleep")).trim());
        long t0 = System.nanoTime();
        engine.stop(p, List.of());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(State.EXITED, container(p, "trapped").state());
        assertEquals(3, container(p, "trapped").exitCode(), "the trap's own exit code");
        assertTrue(engine.logs(p, "trapped").contains("got TERM"), engine.logs(p, "trapped").toString());
        var left = ProcessHandle.of(sleep);
        for (int i = 0; i < 40 && left.map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(50); // SIGKILL, then reaped
        assertFalse(left.map(ProcessHandle::isAlive).orElse(false), "the trap's background sleep went with it: "
                + left.flatMap(h -> h.info().commandLine()));
        assertTrue(millis < 5_000, "stopped in " + millis + " ms, without waiting out the grace period");
    }
}
