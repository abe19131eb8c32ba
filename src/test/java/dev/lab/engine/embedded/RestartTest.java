package dev.lab.engine.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.Conditions;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.ContainerInfo.State;
import dev.lab.engine.Project;
import dev.lab.testing.Owners;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Compose's {@code restart:} on the embedded engine, with containers whose main process really exits. */
class RestartTest extends EngineFixture {
    private static final String LS = "    image: localstack/localstack:4.14.0\n";

    RestartTest() { super(UNCONFINED); }

    private Project services(String services) throws Exception { return project("services:\n" + services); }

    /** LocalStack as a user that cannot write its bind folder (root's, 0755): its entrypoint exits 1. */
    private String deniedLocalStack(String restart) throws Exception {
        var owners = Owners.ofRunner();
        owners.own(Files.createDirectories(ws.resolve("denied")), 0, 0, 0755);
        return "  localstack:\n" + LS + "    user: \"" + owners.user("1000:1000", 0, 0) + "\"\n    restart: " + restart + "\n"
                + "    volumes: [\"./denied:/var/lib/localstack\"]\n";
    }

    private static String oneShot(String name, String restart, String script) {
        return "  " + name + ":\n" + LS + "    entrypoint: [\"bash\", \"-c\", \"" + script + "\"]\n"
                + (restart == null ? "" : "    restart: \"" + restart + "\"\n");
    }

    private ContainerInfo info(Project p, String service) { return container(p, service); }

    private ContainerInfo await(Project p, String service, Predicate<ContainerInfo> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ContainerInfo c = info(p, service);
        while (!until.test(c)) {
            assertTrue(System.nanoTime() < deadline, "still " + c.status(Instant.now()) + " after 20 s, restarts " + c.restartCount());
            engine.awaitChange(engine.changes(), Duration.ofMillis(50));
            c = info(p, service);
        }
        return c;
    }

    private long runs(Project p, String service) throws Exception {
        return engine.logs(p, service).stream().filter("run"::equals).count();
    }

    @Test
    void noStaysExitedAndOnFailureRestartsOnlyFailuresAtMostNTimes() throws Exception {
        var p = services(oneShot("plain", null, "echo run; exit 3") + oneShot("never", "no", "echo run; exit 3")
                + oneShot("retry", "on-failure:2", "echo run; exit 3") + oneShot("fine", "on-failure", "echo run; exit 0"));
        engine.up(p, List.of());
        var retry = await(p, "retry", c -> c.state() == State.EXITED && c.restartCount() == 2);
        assertEquals(3, retry.exitCode());
        assertEquals("on-failure:2", retry.restartPolicy());
        Thread.sleep(500); // past the next delay (400 ms) a third restart would take
        assertEquals(State.EXITED, info(p, "retry").state());
        assertEquals(2, info(p, "retry").restartCount());
        assertEquals(3, runs(p, "retry"), "the first run and two restarts");
        for (String service : List.of("plain", "never", "fine")) {
            var c = info(p, service);
            assertEquals(State.EXITED, c.state(), service);
            assertEquals(0, c.restartCount(), service);
            assertEquals(1, runs(p, service), service);
        }
        assertEquals(3, info(p, "never").exitCode());
        assertEquals(0, info(p, "fine").exitCode());
        assertEquals("no", info(p, "plain").restartPolicy());
    }

    @Test
    void alwaysRestartsAfterADoublingDelayUntilStoppedAndAStartBeginsTheCountAgain() throws Exception {
        var p = services(oneShot("loop", "always", "echo run; exit 0"));
        long t0 = System.nanoTime();
        engine.up(p, List.of());
        var restarting = await(p, "loop", c -> c.state() == State.RESTARTING);
        assertEquals("Restarting (0) Less than a second ago", restarting.status(Instant.now()));
        await(p, "loop", c -> c.restartCount() >= 3);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis >= 100 + 200, "three restarts waited 100 + 200 ms at least: " + millis + " ms");
        Thread.sleep(Math.max(0, 1_600 - millis));
        int count = info(p, "loop").restartCount();
        // 100 + 200 + 400 + 800 ms: a fifth restart cannot come before 3.1 s; without the delay it would spin.
        assertTrue(count <= 5, count + " restarts within 1.6 s");

        engine.stop(p, List.of());
        var stopped = info(p, "loop");
        assertEquals(State.EXITED, stopped.state());
        assertEquals(0, stopped.exitCode());
        long runs = runs(p, "loop");
        Thread.sleep(1_700); // past any delay the loop had reached
        assertEquals(State.EXITED, info(p, "loop").state(), "a stop cancels the pending restart");
        assertEquals(stopped.restartCount(), info(p, "loop").restartCount());
        assertEquals(runs, runs(p, "loop"));

        engine.start(p, List.of());
        assertTrue(info(p, "loop").restartCount() <= 1, "start resets RestartCount: " + info(p, "loop").restartCount());
        await(p, "loop", c -> c.restartCount() >= 1);
        engine.down(p, false);
    }

    @Test
    void unlessStoppedBringsBackLocalStackThatFailsOnItsVolumeUntilDown() throws Exception {
        var p = services(deniedLocalStack("unless-stopped"));
        engine.up(p, List.of());
        var first = info(p, "localstack");
        assertTrue(first.state() == State.RESTARTING || first.state() == State.RUNNING, first.status(Instant.now()));
        var looping = await(p, "localstack", c -> c.restartCount() >= 2 && c.state() == State.RESTARTING);
        assertEquals(1, looping.exitCode());
        assertTrue(looping.status(Instant.now()).startsWith("Restarting (1) "), looping.status(Instant.now()));
        long denied = engine.logs(p, "localstack").stream().filter(l -> l.endsWith("Permission denied")).count();
        assertTrue(denied >= looping.restartCount(), "each run logs the entrypoint's error: " + engine.logs(p, "localstack"));
        engine.down(p, false);
        Thread.sleep(500);
        assertTrue(engine.containers(p).isEmpty(), "down removed it and no pending restart brought it back");
    }

    @Test
    void upWaitWaitsOnARestartingContainerUntilItsRetriesRunOutOrTheWaitEnds() throws Exception {
        var p = services(deniedLocalStack("on-failure:2"));
        engine.up(p, List.of());
        var e = assertThrows(Conditions.Failed.class, () -> Conditions.await(() -> engine.containers(p),
                p.compose().services(), Duration.ofSeconds(20), engine));
        assertEquals("container proj-localstack-1 exited (1)", e.getMessage());
        assertEquals(2, info(p, "localstack").restartCount(), "it waited through the restarts");

        var q = services(deniedLocalStack("always"));
        engine.up(q, List.of());
        var timeout = assertThrows(Conditions.Failed.class, () -> Conditions.await(() -> engine.containers(q),
                q.compose().services(), Duration.ofSeconds(1), engine));
        assertEquals("application not healthy after 1s", timeout.getMessage());
        assertEquals(State.RESTARTING, info(q, "localstack").state(), info(q, "localstack").status(Instant.now()));
    }

    @Test
    void theRestartCountOutlivesTheEngineAndTheContainerComesBackExited() throws Exception {
        var p = services(oneShot("loop", "always", "echo run; exit 5"));
        engine.up(p, List.of());
        await(p, "loop", c -> c.restartCount() >= 2);
        reopen();
        var c = info(p, "loop");
        assertEquals(State.EXITED, c.state());
        assertTrue(c.restartCount() >= 2, "RestartCount " + c.restartCount());
    }
}
