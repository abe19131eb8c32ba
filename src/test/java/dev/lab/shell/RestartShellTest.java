package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.ContainerInfo;
import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.engine.embedded.ExecCall;
import dev.lab.engine.embedded.HookCall;
import dev.lab.engine.embedded.HookScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash-looping container through the lab's {@code docker} on the embedded engine, printed as Docker 20.10 prints it
 * (observed: {@code docker ps} lists it without {@code -a} as {@code Restarting (1) Less than a second ago}; inspect's
 * {@code State.Running} and {@code State.Restarting} are both true, {@code ExitCode} is the last run's).
 */
class RestartShellTest {
    @TempDir Path tmp;
    private EmbeddedEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(tmp.resolve("docker-compose.yml"), """
                services:
                  crash:
                    image: localstack/localstack:4.14.0
                    entrypoint: ["bash", "-c", "exit 1"]
                    restart: always
                """);
        engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", new HookScripts() {
            @Override public int run(HookCall call, Consumer<String> log) { return 0; }

            @Override public int run(ExecCall call, Consumer<String> out) { return 1; }
        });
    }

    @AfterEach
    void tearDown() { engine.close(); }

    private record Outcome(int status, List<String> out, List<String> err) {
        String text() { return String.join("\n", out); }
    }

    private Outcome run(String line) {
        var c = new Io.Capture();
        int status = LabCommands.run(engine, Map.of(), Arrays.asList(line.split(" ")), tmp, Map.of(), c.io());
        return new Outcome(status, c.out, c.err);
    }

    private ContainerInfo restarting() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var cs = engine.containers(new dev.lab.engine.Project(name(), tmp, null));
            if (!cs.isEmpty() && cs.get(0).state() == ContainerInfo.State.RESTARTING && cs.get(0).restartCount() >= 1) return cs.get(0);
            Thread.sleep(10);
        }
        throw new AssertionError("never restarting: " + run("docker ps -a").text());
    }

    private String name() { return tmp.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9_-]", ""); }

    @Test
    void psInspectAndExecShowARestartingContainerAsDockerDoes() throws Exception {
        assertEquals(0, run("docker compose up -d").status());
        var c = restarting();
        String ps = run("docker ps").text();
        assertTrue(ps.contains(c.name()) && ps.contains("Restarting (1) Less than a second ago"), ps);
        String inspect = run("docker inspect " + c.name()).text().replace(" ", "");
        for (String field : List.of("\"Status\":\"restarting\"", "\"Running\":true", "\"Restarting\":true", "\"ExitCode\":1",
                "\"RestartCount\":", "\"RestartPolicy\":{\n\"Name\":\"always\",\n\"MaximumRetryCount\":0\n}")) {
            assertTrue(inspect.contains(field), field + " in " + inspect);
        }
        var exec = run("docker exec " + c.name() + " true");
        assertEquals(1, exec.status());
        assertEquals(List.of("Error response from daemon: Container " + c.id() + " is restarting, wait until the container is running"),
                exec.err());

        var wait = run("docker compose up -d --wait --wait-timeout 1");
        assertEquals(1, wait.status());
        assertEquals(List.of("application not healthy after 1s"), wait.err());

        assertEquals(0, run("docker compose stop").status());
        assertTrue(!run("docker ps").text().contains(c.name()), "stopped, it leaves docker ps");
        assertTrue(run("docker ps -a").text().contains("Exited (1) "), run("docker ps -a").text());
    }
}
