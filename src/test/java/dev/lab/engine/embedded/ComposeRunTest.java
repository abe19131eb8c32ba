package dev.lab.engine.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.Conditions;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.EngineException;
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

/** Compose's run keys on the embedded engine: one-shot commands, healthchecks, depends_on conditions, the readiness window. */
class ComposeRunTest extends EngineFixture {
    private static final String LS = "    image: localstack/localstack:4.14.0\n";
    // start_period: 1ms, or the image's 15 s (and its 5 s start interval) would apply, as on Docker.
    private static final String HEALTH = "    ports: [\"4566\"]\n    healthcheck:\n"
            + "      test: curl -sf http://localhost:4566/_localstack/health\n      interval: 200ms\n      retries: 3\n"
            + "      start_period: 1ms\n";

    ComposeRunTest() { super(UNCONFINED); }

    @Test
    void dependsOnConditionsOrderTheStartsAndOneShotsExitWithTheirCode() throws Exception {
        var p = project("services:\n  ls:\n" + LS + HEALTH
                + "  seed:\n" + LS + "    entrypoint: [\"bash\", \"-c\", \"sleep 0.3; echo seeded; exit 0\"]\n"
                + "    depends_on:\n      ls:\n        condition: service_healthy\n"
                + "  app:\n" + LS + "    entrypoint: bash -c 'echo app ran'\n"
                + "    depends_on:\n      seed:\n        condition: service_completed_successfully\n");
        engine.up(p, List.of());
        var ls = container(p, "ls");
        var seed = container(p, "seed");
        assertEquals("healthy", ls.health());
        assertTrue(ls.status(Instant.now()).matches("Up (Less than a second|\\d+ seconds?) \\(healthy\\)"), ls.status(Instant.now()));
        assertEquals(ContainerInfo.State.EXITED, seed.state());
        assertEquals(0, seed.exitCode());
        assertTrue(seed.status(Instant.now()).startsWith("Exited (0) "), seed.status(Instant.now()));
        assertTrue(engine.logs(p, "seed").contains("seeded"), engine.logs(p, "seed").toString());
        assertFalse(seed.started().isBefore(ls.started()), "seed starts after ls");
        var app = container(p, "app");
        assertFalse(app.started().isBefore(seed.finished()), "app starts once seed completed");
        for (int i = 0; i < 100 && container(p, "app").running(); i++) Thread.sleep(100);
        assertEquals(ContainerInfo.State.EXITED, container(p, "app").state());
        assertEquals(List.of("app ran"), engine.logs(p, "app"));
    }

    @Test
    void aDependencyThatFailsStopsTheStartInComposesWords() throws Exception {
        var p = project("services:\n  seed:\n" + LS + "    entrypoint: [\"bash\", \"-c\", \"echo no; exit 3\"]\n"
                + "  app:\n" + LS + "    entrypoint: [\"bash\", \"-c\", \"echo never\"]\n"
                + "    depends_on:\n      seed:\n        condition: service_completed_successfully\n");
        var e = assertThrows(EngineException.class, () -> engine.up(p, List.of()));
        assertEquals("service \"seed\" didn't complete successfully: exit 3", e.getMessage());
    }

    @Test
    void aFailingHealthcheckMakesTheContainerUnhealthyAndItsDependentsFail() throws Exception {
        var p = project("services:\n  ls:\n" + LS + "    ports: [\"4566\"]\n    healthcheck:\n      test: [\"CMD\", \"false\"]\n"
                + "      interval: 100ms\n      retries: 2\n      start_period: 1ms\n"
                + "  app:\n" + LS + "    entrypoint: [\"bash\", \"-c\", \"echo never\"]\n"
                + "    depends_on:\n      ls:\n        condition: service_healthy\n");
        engine.up(p, List.of("ls"));
        assertEquals("starting", container(p, "ls").health());
        assertTrue(container(p, "ls").status(Instant.now()).endsWith("(health: starting)"));
        var e = assertThrows(EngineException.class, () -> engine.up(p, List.of("app")));
        assertEquals("dependency failed to start: container proj-ls-1 is unhealthy", e.getMessage());
        assertTrue(container(p, "ls").status(Instant.now()).endsWith("(unhealthy)"));
    }

    @Test
    void upReturnsWhileReadyHooksRunAndWaitWaitsForTheHealthcheck() throws Exception {
        Path ready = Files.createDirectories(ws.resolve("init/ready.d"));
        Path hook = ready.resolve("01-slow.sh");
        Files.writeString(hook, "#!/bin/bash\nsleep 3\necho slow hook done\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var p = project("services:\n  ls:\n" + LS + "    ports: [\"127.0.0.1:" + port + ":4566\"]\n    volumes:\n      - ./init/ready.d:/etc/localstack/init/ready.d\n"
                + "    healthcheck:\n      test: >-\n        curl -sf http://localhost:4566/_localstack/init/ready | grep -Eq '\"completed\": ?true'\n"
                + "      interval: 200ms\n      retries: 100\n");
        long t0 = System.nanoTime();
        engine.up(p, List.of());
        long upMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(upMillis < 2500, "up returned after " + upMillis + " ms, before the 3 s hook ended");
        assertTrue(get(port, "/_localstack/health").contains("\"s3\""), "health answers inside the window");
        assertTrue(get(port, "/_localstack/init/ready").replace(" ", "").contains("\"completed\":false"));
        assertEquals("starting", container(p, "ls").health());
        Conditions.await(() -> List.of(container(p, "ls")), p.compose().services(), Duration.ofSeconds(20));
        long waitedMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(waitedMillis >= 3000, "--wait returned after " + waitedMillis + " ms, before the hook ended");
        assertEquals("healthy", container(p, "ls").health());
        assertTrue(engine.logs(p, "ls").contains("slow hook done"));
    }

    @Test
    void whatTheEmbeddedEngineCannotRunIsRefusedNamingTheServiceAndDocker() throws Exception {
        var p = project("services:\n  tool:\n" + LS + "    entrypoint: [\"python3\", \"/work/x.py\"]\n");
        var e = assertThrows(EngineException.class, () -> engine.up(p, List.of()));
        assertEquals("service tool: the embedded engine cannot run `python3 /work/x.py` (it runs aws/awslocal calls and shell"
                + " scripts against the emulator); use --engine docker", e.getMessage());
        assertTrue(engine.containers(p).isEmpty(), "nothing was created");
        var q = project("services:\n  ls:\n" + LS + "    command: [\"--debug\"]\n");
        var e2 = assertThrows(EngineException.class, () -> engine.up(q, List.of()));
        assertTrue(e2.getMessage().startsWith("service ls: the embedded engine cannot run the image's entrypoint with `command: --debug`"));
        assertTrue(e2.getMessage().endsWith("use --engine docker"));
    }

    private static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
