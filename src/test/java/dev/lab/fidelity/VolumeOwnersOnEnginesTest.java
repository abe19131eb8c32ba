package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * LocalStack as a non-root user on named volumes, on the embedded engine and on Docker (the Docker tier): a new volume is
 * Docker's copy of the image's {@code /var/lib/localstack} (root's, 0777), so user 1000 starts there; on a volume whose
 * {@code logs/} root made first (a run without {@code user:}) user 1000 starts too: the 4.14.0 entrypoint's one write
 * is {@code mkdir -p} of that folder, and LocalStack reaches {@code Ready.} with root's 0755 {@code cache/ lib/ logs/ tmp/}.
 */
class VolumeOwnersOnEnginesTest extends EnginesStory {
    VolumeOwnersOnEnginesTest() {
        super("volowners", compose("fresh", "1000"), List.of(
                "fresh volume, user 1000: Ready.",
                "volume first used by root: Ready.",
                "then user 1000: Ready."));
    }

    @Override
    List<String> story(Engine engine, Project fresh) throws Exception {
        var out = new ArrayList<String>();
        engine.up(fresh, List.of());
        out.add("fresh volume, user 1000: " + outcome(engine, fresh));
        engine.down(fresh, false);

        var byRoot = project(fresh, "used", null);
        engine.up(byRoot, List.of());
        out.add("volume first used by root: " + outcome(engine, byRoot));
        engine.down(byRoot, false);
        var later = project(fresh, "used", "1000");
        engine.up(later, List.of());
        out.add("then user 1000: " + outcome(engine, later));
        engine.down(later, true);
        return out;
    }

    private static String compose(String volume, String user) {
        return "services:\n  ls:\n    image: localstack/localstack:4.14.0\n    environment: [SERVICES=s3]\n"
                + (user == null ? "" : "    user: \"" + user + "\"\n")
                + "    volumes: [\"" + volume + ":/var/lib/localstack\"]\nvolumes:\n  " + volume + ":\n";
    }

    /** The story's project with its compose file rewritten for another volume and user. */
    private static Project project(Project p, String volume, String user) throws Exception {
        Path file = p.workdir().resolve("docker-compose.yml");
        Files.writeString(file, compose(volume, user));
        return new Project(p.name(), p.workdir(), ComposeParser.parse(file));
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
