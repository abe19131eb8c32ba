package dev.lab.engine.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.Conditions;
import dev.lab.engine.Project;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The healthcheck's {@code start_interval} on the embedded engine, as Docker Engine 25+ runs it. */
class StartIntervalTest extends EngineFixture {
    StartIntervalTest() { super(UNCONFINED); }

    private Project withHealthcheck(String extra) throws Exception {
        return project("services:\n  ls:\n    image: localstack/localstack:4.14.0\n"
                + "    ports: [\"4566\"]\n    healthcheck:\n      test: curl -sf http://localhost:4566/_localstack/health\n"
                + "      interval: 5s\n" + extra);
    }

    private long upWaitMillis(Project p) throws Exception {
        long t0 = System.nanoTime();
        engine.up(p, List.of());
        Conditions.await(() -> engine.containers(p), p.compose().services(), Duration.ofSeconds(20));
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void duringTheStartPeriodTheFirstProbeComesAfterTheStartIntervalNotTheInterval() throws Exception {
        var p = withHealthcheck("      start_period: 30s\n      start_interval: 50ms\n");
        long millis = upWaitMillis(p);
        assertEquals("healthy", container(p, "ls").health());
        assertTrue(millis < 2500, "healthy after " + millis + " ms, the interval is 5 s");
    }

    /** {@code up --wait} wakes at a change of state or health, not at its next poll. */
    @Test
    void aWaitForAChangeWakesWhenAContainerChanges() throws Exception {
        var p = withHealthcheck("");
        engine.up(p, List.of());
        long seen = engine.changes();
        var waiter = new Thread(() -> {
            try {
                engine.awaitChange(seen, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long t0 = System.nanoTime();
        waiter.start();
        Thread.sleep(200);
        assertTrue(waiter.isAlive(), "nothing changed yet");
        engine.stop(p, List.of());
        waiter.join(20_000);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(!waiter.isAlive() && millis < 10_000, "woken by the stop after " + millis + " ms");
        assertTrue(engine.changes() > seen);
    }

    /** Without a start period of its own the image's 15 s applies (Healthcheck#nextProbeIn without one: ComposeRunKeysTest). */
    @Test
    void withoutAStartPeriodOfItsOwnTheImagesMakesTheStartIntervalApply() throws Exception {
        var p = withHealthcheck("      start_interval: 50ms\n");
        long millis = upWaitMillis(p);
        assertEquals("healthy", container(p, "ls").health());
        assertTrue(millis < 2500, "healthy after " + millis + " ms, the interval is 5 s");
    }
}
