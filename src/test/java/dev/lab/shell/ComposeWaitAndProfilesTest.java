package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.engine.embedded.ExecCall;
import dev.lab.engine.embedded.HookCall;
import dev.lab.engine.embedded.HookScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker compose --profile}, {@code up -d --wait [--wait-timeout N]} and the STATUS column, on the embedded engine. */
class ComposeWaitAndProfilesTest {
    @TempDir Path tmp;
    private EmbeddedEngine engine;
    /** Healthcheck probes fail until this many have run, then pass. */
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(tmp.resolve("docker-compose.yml"), """
                services:
                  localstack:
                    image: localstack/localstack:4.14.0
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 100ms
                      retries: 50
                  debug:
                    image: localstack/localstack:4.14.0
                    entrypoint: ["awslocal", "s3", "ls"]
                    profiles: [debug]
                """);
        engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", new HookScripts() {
            @Override public int run(HookCall call, Consumer<String> log) { return 0; }

            @Override public int run(ExecCall call, Consumer<String> out) {
                return call.request().command().equals(List.of("true")) && failuresLeft.getAndDecrement() > 0 ? 1 : 0;
            }
        });
    }

    @AfterEach
    void tearDown() { engine.close(); }

    private Outcome run(String line) { return Outcome.run(engine, tmp, line); }

    @Test
    void upLeavesProfiledServicesOutUnlessTheProfileIsActive() {
        assertEquals(0, run("docker compose up -d").status());
        String ps = String.join("\n", run("docker compose ps -a").out());
        assertTrue(ps.contains("localstack") && !ps.contains(" debug "), ps);
        assertEquals(0, run("docker compose --profile debug up -d").status());
        ps = String.join("\n", run("docker compose ps -a").out());
        assertTrue(ps.contains(" debug "), ps);
    }

    @Test
    void withoutProfilesUpStartsEveryService() throws Exception {
        Files.writeString(tmp.resolve("docker-compose.yml"), "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n");
        var o = run("docker compose up -d");
        assertEquals(0, o.status(), o.toString());
        assertTrue(String.join("\n", run("docker compose ps").out()).contains("localstack"));
    }

    @Test
    void waitReturnsOnceHealthyAndPsShowsIt() {
        failuresLeft.set(5);
        var o = run("docker compose up -d --wait --wait-timeout 20");
        assertEquals(0, o.status(), o.toString());
        String ps = String.join("\n", run("docker compose ps").out());
        assertTrue(ps.matches("(?s).*Up (Less than a second|\\d+ seconds?) \\(healthy\\).*"), ps);
        assertTrue(failuresLeft.get() < 0, "the probes that failed were waited through");
    }

    @Test
    void waitTimesOutInComposesWords() {
        failuresLeft.set(1_000_000);
        var o = run("docker compose up -d --wait --wait-timeout 1");
        assertEquals(1, o.status());
        assertEquals(List.of("application not healthy after 1s"), o.err());
        String ps = String.join("\n", run("docker compose ps").out());
        assertTrue(ps.contains("(health: starting)"), ps);
    }

    @Test
    void aBadWaitTimeoutIsRefusedBeforeAnythingStarts() {
        var o = run("docker compose up -d --wait --wait-timeout abc");
        assertEquals(1, o.status(), o.toString());
        assertTrue(o.err().get(0).contains("invalid argument \"abc\" for \"--wait-timeout\" flag"), o.toString());
        assertTrue(run("docker compose ps -a").out().stream().noneMatch(l -> l.contains("localstack")), "nothing was created");
    }
}
