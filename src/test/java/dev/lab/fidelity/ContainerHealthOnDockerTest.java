package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.check.CheckParser;
import dev.lab.check.Probes;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `container <name> health …` reads Docker's own health status (State.Health.Status) of a compose healthcheck. */
class ContainerHealthOnDockerTest {
    @TempDir Path ws;

    @Test
    void healthIsDockersHealthStatus() throws Exception {
        try (var ls = HealthcheckedLocalStack.up(ws, "h8k-health", "interval: 1s\ntimeout: 1s\nretries: 1\n")) {
            var probes = new Probes(() -> URI.create("http://127.0.0.1:" + ls.port), ls.engine, () -> ls.project, ws, List::of);
            String health = "";
            for (int i = 0; i < 60 && !health.equals("healthy"); i++) {
                Thread.sleep(500);
                health = ls.health();
            }
            assertEquals("healthy", health);
            var holds = CheckParser.parse("container h8k-health health healthy").evaluate(probes);
            assertTrue(holds.passed(), holds.toString());
            var wrong = CheckParser.parse("container h8k-health health unhealthy").evaluate(probes);
            assertFalse(wrong.passed(), wrong.toString());
            assertEquals("healthy", wrong.actual());
            assertEquals("unhealthy", wrong.expected());
        }
    }
}
