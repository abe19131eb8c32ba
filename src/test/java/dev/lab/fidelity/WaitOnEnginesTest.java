package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.Conditions;
import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code up --wait} on the embedded engine and on Docker (the Docker tier): the LocalStack image's own HEALTHCHECK
 * makes a service without {@code healthcheck:} start as {@code (health: starting)} and {@code --wait} wait for
 * {@code (healthy)}, {@code disable: true} turns it off; a one-shot that exits 0 fails the wait unless a service waited
 * for depends on it with {@code service_completed_successfully}.
 */
class WaitOnEnginesTest extends EnginesStory {
    private static final String COMPOSE = """
            services:
              ls:
                image: localstack/localstack:4.14.0
                ports: ["4566"]
              off:
                image: localstack/localstack:4.14.0
                entrypoint: ["bash", "-c", "trap 'exit 0' TERM; sleep 120 & wait"]
                healthcheck:
                  disable: true
              once:
                entrypoint: ["bash", "-c", "echo done"]
                image: localstack/localstack:4.14.0
              after:
                image: localstack/localstack:4.14.0
                entrypoint: ["bash", "-c", "trap 'exit 0' TERM; sleep 120 & wait"]
                healthcheck:
                  disable: true
                depends_on:
                  once:
                    condition: service_completed_successfully
            """;
    private static final List<String> STORY = List.of(
            "ls Up (health: starting)", "off Up",
            "after --wait: ls Up (healthy)", "off Up",
            "--wait once: container waittier-once-1 exited (0)",
            "--wait after: once Exited (0), after Up");

    WaitOnEnginesTest() { super("waittier", COMPOSE, STORY); }

    @Override
    List<String> story(Engine engine, Project p) throws Exception {
        var out = new ArrayList<String>();
        engine.up(p, List.of("ls", "off"));
        out.add("ls " + status(engine, p, "ls"));
        out.add("off " + status(engine, p, "off"));
        Conditions.awaitUp(engine, p, List.of("ls", "off"), Duration.ofSeconds(90));
        out.add("after --wait: ls " + status(engine, p, "ls"));
        out.add("off " + status(engine, p, "off"));
        engine.up(p, List.of("once"));
        var failed = assertThrows(Conditions.Failed.class, () -> Conditions.awaitUp(engine, p, List.of("once"), Duration.ofSeconds(30)));
        out.add("--wait once: " + failed.getMessage());
        engine.up(p, List.of("after"));
        Conditions.awaitUp(engine, p, List.of("after"), Duration.ofSeconds(30));
        out.add("--wait after: once " + status(engine, p, "once") + ", after " + status(engine, p, "after"));
        engine.down(p, true);
        return out;
    }

    /** docker ps's STATUS without its times: {@code Up (healthy)}, {@code Exited (0)}. */
    private static String status(Engine engine, Project p, String service) {
        return engine.container(p, service).orElseThrow().status(Instant.now())
                .replaceAll(" (Less than a second|About a minute|\\d+ (seconds?|minutes?))( ago)?", "");
    }
}
