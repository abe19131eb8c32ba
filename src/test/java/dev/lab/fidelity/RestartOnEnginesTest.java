package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.Conditions;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.ContainerInfo.State;
import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One compose file with each {@code restart:} policy, on the embedded engine and on Docker (the Docker tier): the same
 * states, exit codes and RestartCounts; a stop ends a restart loop; LocalStack failing on its volume's permissions
 * (a bind folder its user cannot write) loops under {@code unless-stopped}; {@code up --wait} waits through on-failure's retries and fails on the last exit.
 */
class RestartOnEnginesTest extends EnginesStory {
    private static final String COMPOSE = """
            services:
              plain:
                image: localstack/localstack:4.14.0
                entrypoint: ["bash", "-c", "echo run; exit 3"]
              retry:
                image: localstack/localstack:4.14.0
                entrypoint: ["bash", "-c", "echo run; exit 3"]
                restart: on-failure:2
              fine:
                image: localstack/localstack:4.14.0
                entrypoint: ["bash", "-c", "echo run; exit 0"]
                restart: on-failure
              loop:
                image: localstack/localstack:4.14.0
                entrypoint: ["bash", "-c", "echo run; exit 0"]
                restart: always
              ls:
                image: localstack/localstack:4.14.0
                user: "4242"
                restart: unless-stopped
                volumes: ["./ls-data:/var/lib/localstack"]
              flaky:
                image: localstack/localstack:4.14.0
                user: "4242"
                restart: on-failure:2
                volumes: ["./flaky-data:/var/lib/localstack"]
            """;
    private static final List<String> STORY = List.of(
            "plain exited (3) restarts 0 policy no",
            "retry exited (3) restarts 2 policy on-failure:2",
            "fine exited (0) restarts 0 policy on-failure",
            "loop Restarting (0) policy always",
            "loop after stop: exited (0), restarts kept, no more runs",
            "loop after start: RestartCount from 0",
            "ls Restarting (1), the entrypoint's permission error in each run's log",
            "flaky: container restarttier-flaky-1 exited (1) after 2 restarts");

    RestartOnEnginesTest() { super("restarttier", COMPOSE, STORY); }

    @Override
    List<String> story(Engine engine, Project p) throws Exception {
        // Folders the container user 4242 cannot write, as LocalStack's entrypoint finds them on both engines.
        for (String data : List.of("ls-data", "flaky-data")) {
            Files.createDirectories(p.workdir().resolve(data), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        var out = new ArrayList<String>();
        engine.up(p, List.of("plain", "retry", "fine", "loop", "ls"));
        await(engine, p, "retry", c -> c.state() == State.EXITED && c.restartCount() == 2);
        Thread.sleep(600); // past the 400 ms a third restart would wait
        for (String s : List.of("plain", "retry", "fine")) {
            var c = info(engine, p, s);
            out.add(s + " " + c.state().word() + " (" + c.exitCode() + ") restarts " + c.restartCount() + " policy " + c.restartPolicy());
        }

        var loop = await(engine, p, "loop", c -> c.state() == State.RESTARTING && c.restartCount() >= 2);
        out.add("loop " + loop.status(Instant.now()).replaceFirst(" (Less than a second|\\d+ seconds?) ago$", "")
                + " policy " + loop.restartPolicy());
        engine.stop(p, List.of("loop"));
        var stopped = info(engine, p, "loop");
        long runs = runs(engine, p, "loop");
        Thread.sleep(1_000);
        var later = info(engine, p, "loop");
        out.add("loop after stop: " + later.state().word() + " (" + later.exitCode() + ")"
                + (later.restartCount() == stopped.restartCount() ? ", restarts kept" : ", restarts " + later.restartCount())
                + (runs(engine, p, "loop") == runs ? ", no more runs" : ", ran again"));
        engine.start(p, List.of("loop"));
        int afterStart = info(engine, p, "loop").restartCount();
        out.add("loop after start: " + (afterStart <= 1 ? "RestartCount from 0" : "RestartCount " + afterStart));
        engine.stop(p, List.of("loop"));

        var ls = await(engine, p, "ls", c -> c.state() == State.RESTARTING && c.restartCount() >= 2);
        long denied = engine.logs(p, "ls").stream().filter(l -> l.endsWith("Permission denied")).count();
        out.add("ls " + ls.status(Instant.now()).replaceFirst(" (Less than a second|\\d+ seconds?) ago$", "")
                + (denied >= 2 ? ", the entrypoint's permission error in each run's log" : ", log " + engine.logs(p, "ls")));
        engine.stop(p, List.of("ls"));

        engine.up(p, List.of("flaky"));
        var failed = assertThrows(Conditions.Failed.class, () -> Conditions.await(
                () -> engine.containers(p).stream().filter(c -> c.service().equals("flaky")).toList(),
                p.compose().services(), Duration.ofSeconds(60), engine));
        out.add("flaky: " + failed.getMessage() + " after " + info(engine, p, "flaky").restartCount() + " restarts");
        engine.down(p, true);
        return out;
    }

    private static ContainerInfo info(Engine engine, Project p, String service) {
        return engine.container(p, service).orElseThrow();
    }

    private static long runs(Engine engine, Project p, String service) throws Exception {
        return engine.logs(p, service).stream().filter("run"::equals).count();
    }

    private static ContainerInfo await(Engine engine, Project p, String service, Predicate<ContainerInfo> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ContainerInfo c = info(engine, p, service);
        while (!until.test(c)) {
            assertTrue(System.nanoTime() < deadline, service + " still " + c.status(Instant.now()) + ", restarts " + c.restartCount());
            Thread.sleep(20);
            c = info(engine, p, service);
        }
        return c;
    }
}
