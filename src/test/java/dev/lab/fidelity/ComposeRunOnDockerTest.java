package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.Conditions;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Project;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On Docker as on the embedded engine: up returns inside LocalStack's readiness window, --wait and depends_on wait. */
class ComposeRunOnDockerTest {
    @TempDir Path tmp;

    @Test
    void upReturnsBeforeReadyHooksEndAndWaitAndDependsOnWaitForTheHealthcheck() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("composerun"));
        Path ready = Files.createDirectories(ws.resolve("init/ready.d"));
        Path hook = ready.resolve("01-slow.sh");
        Files.writeString(hook, "#!/bin/bash\nsleep 6\necho slow hook done\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(ws.resolve("docker-compose.yml"), """
                services:
                  ls:
                    image: localstack/localstack:4.14.0
                    ports: ["127.0.0.1:%d:4566"]
                    environment: [SERVICES=s3]
                    volumes:
                      - ./init/ready.d:/etc/localstack/init/ready.d
                    healthcheck:
                      test: ["CMD-SHELL", "curl -sf http://localhost:4566/_localstack/init/ready | grep -Eq '\\"completed\\": ?true'"]
                      interval: 1s
                      retries: 60
                  seed:
                    image: localstack/localstack:4.14.0
                    entrypoint: ["bash", "-c", "echo seeded; exit 0"]
                    depends_on:
                      ls:
                        condition: service_healthy
                """.formatted(Scenario.PORT));
        var project = new Project("composerun", ws, ComposeParser.parse(ws.resolve("docker-compose.yml")));
        try (var engine = DockerTier.engine()) {
            try {
                long t0 = System.nanoTime();
                engine.up(project, List.of("ls"));
                long upMillis = (System.nanoTime() - t0) / 1_000_000;
                String initReady = get("/_localstack/init/ready").replace(" ", "");
                assertTrue(initReady.contains("\"completed\":false"), "up returned inside the window: " + initReady);
                assertEquals("starting", engine.container(project, "ls").orElseThrow().health(), "up took " + upMillis + " ms");
                Conditions.await(() -> engine.containers(project), project.compose().services(), Duration.ofSeconds(90));
                var ls = engine.container(project, "ls").orElseThrow();
                assertEquals("healthy", ls.health());
                assertTrue(ls.status(Instant.now()).endsWith("(healthy)"), ls.status(Instant.now()));
                assertTrue(get("/_localstack/init/ready").replace(" ", "").contains("\"completed\":true"));

                engine.up(project, List.of("seed"));
                ContainerInfo seed = engine.container(project, "seed").orElseThrow();
                for (int i = 0; i < 100 && seed.state() != ContainerInfo.State.EXITED; i++) {
                    Thread.sleep(100);
                    seed = engine.container(project, "seed").orElseThrow();
                }
                assertEquals(ContainerInfo.State.EXITED, seed.state());
                assertEquals(0, seed.exitCode());
                assertEquals(List.of("seeded"), engine.logs(project, "seed"), "the entrypoint ran instead of LocalStack");
                assertTrue(seed.status(Instant.now()).startsWith("Exited (0) "), seed.status(Instant.now()));
            } finally {
                engine.down(project, true);
                engine.purge("composerun");
            }
        }
    }

    private static String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Scenario.PORT + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
