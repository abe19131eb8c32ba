package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.hooks.HookEnvironment;
import dev.lab.hooks.InitScripts;
import dev.lab.hooks.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LocalStack as a non-root user on named volumes, on the embedded engine and on Docker (the Docker tier): a new volume is
 * Docker's copy of the image's {@code /var/lib/localstack} (root's, 0777), so user 1000 starts there; on a volume whose
 * {@code logs/} root made first (a run without {@code user:}) user 1000 starts too: the 4.14.0 entrypoint's one write
 * is {@code mkdir -p} of that folder, and LocalStack reaches {@code Ready.} with root's 0755 {@code cache/ lib/ logs/ tmp/}.
 */
class VolumeOwnersOnEnginesTest {
    private static final List<String> STORY = List.of(
            "fresh volume, user 1000: Ready.",
            "volume first used by root: Ready.",
            "then user 1000: Ready.");

    @TempDir Path tmp;

    @Test
    void onTheEmbeddedEngine() throws Exception {
        try (var engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14",
                InitScripts.of(HookEnvironment.none(), Sandbox.off("unconfined in this test")))) {
            assertEquals(STORY, story(engine));
        }
    }

    @Test
    void onDocker() throws Exception {
        try (var engine = DockerTier.engine()) {
            try {
                assertEquals(STORY, story(engine));
            } finally {
                engine.purge("volowners");
            }
        }
    }

    private List<String> story(Engine engine) throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("volowners"));
        var out = new ArrayList<String>();
        var fresh = project(ws, "fresh", "1000");
        engine.up(fresh, List.of());
        out.add("fresh volume, user 1000: " + outcome(engine, fresh));
        engine.down(fresh, false);

        var byRoot = project(ws, "used", null);
        engine.up(byRoot, List.of());
        out.add("volume first used by root: " + outcome(engine, byRoot));
        engine.down(byRoot, false);
        var later = project(ws, "used", "1000");
        engine.up(later, List.of());
        out.add("then user 1000: " + outcome(engine, later));
        engine.down(later, true);
        return out;
    }

    private static Project project(Path ws, String volume, String user) throws Exception {
        Files.writeString(ws.resolve("docker-compose.yml"), "services:\n  ls:\n    image: localstack/localstack:4.14.0\n"
                + "    environment: [SERVICES=s3]\n" + (user == null ? "" : "    user: \"" + user + "\"\n")
                + "    volumes: [\"" + volume + ":/var/lib/localstack\"]\nvolumes:\n  " + volume + ":\n");
        return new Project("volowners", ws, ComposeParser.parse(ws.resolve("docker-compose.yml")));
    }

    /** {@code Ready.} once LocalStack logs it, or how the container ended, with its permission error. */
    private static String outcome(Engine engine, Project p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            ContainerInfo c = engine.container(p, "ls").orElseThrow();
            List<String> log = engine.logs(p, "ls");
            if (log.contains("Ready.")) return "Ready.";
            if (!c.running()) {
                return c.state().word() + " (" + c.exitCode() + ")"
                        + (log.stream().anyMatch(l -> l.endsWith("Permission denied")) ? ", Permission denied" : ", log " + log);
            }
            assertTrue(System.nanoTime() < deadline, "ls neither Ready. nor ended in 120 s: " + log);
            Thread.sleep(50);
        }
    }
}
