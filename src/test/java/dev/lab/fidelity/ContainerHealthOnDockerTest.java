package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.check.CheckParser;
import dev.lab.check.Probes;
import dev.lab.compose.ComposeParser;
import dev.lab.engine.Project;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `container <name> health …` reads Docker's own health status (State.Health.Status) of a compose healthcheck. */
class ContainerHealthOnDockerTest {
    @TempDir Path ws;

    @Test
    void healthIsDockersHealthStatus() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) { port = s.getLocalPort(); }
        Files.writeString(ws.resolve("docker-compose.yml"), """
                services:
                  localstack:
                    image: localstack/localstack:4.14.0
                    container_name: h8k-health
                    ports: ["127.0.0.1:%d:4566"]
                    environment: [SERVICES=s3]
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 1s
                      timeout: 1s
                      retries: 1
                """.formatted(port));
        var project = new Project("h8k-health", ws, ComposeParser.parse(ws.resolve("docker-compose.yml")));
        try (var engine = DockerTier.engine()) {
            try {
                engine.up(project, List.of());
                var probes = new Probes(() -> URI.create("http://127.0.0.1:" + port), engine, () -> project, ws, List::of);
                String health = "";
                for (int i = 0; i < 60 && !health.equals("healthy"); i++) {
                    Thread.sleep(500);
                    health = engine.container(project, "h8k-health").orElseThrow().health();
                }
                assertEquals("healthy", health);
                var holds = CheckParser.parse("container h8k-health health healthy").evaluate(probes);
                assertTrue(holds.passed(), holds.toString());
                var wrong = CheckParser.parse("container h8k-health health unhealthy").evaluate(probes);
                assertFalse(wrong.passed(), wrong.toString());
                assertEquals("healthy", wrong.actual());
                assertEquals("unhealthy", wrong.expected());
            } finally {
                engine.purge(project.name());
            }
        }
    }
}
