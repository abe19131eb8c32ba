package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.hooks.HookEnvironment;
import dev.lab.hooks.InitScripts;
import dev.lab.hooks.Sandbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker stop of one-shots on the embedded engine and on Docker (the Docker tier): the exit code is what the main
 * process returned, 137 for one without a SIGTERM handler (PID 1 ignores the signal; Docker kills it after the grace
 * period), the trap's own code for one that handles it.
 */
class StopOnEnginesTest extends EnginesStory {
    private static final String COMPOSE = """
            services:
              plain:
                entrypoint: ["bash", "-c", "sleep 100"]
                image: localstack/localstack:4.14.0
              zero:
                entrypoint: ["bash", "-c", "trap 'exit 0' TERM; sleep 100 & wait"]
                image: localstack/localstack:4.14.0
              three:
                entrypoint: ["bash", "-c", "trap 'echo got TERM; exit 3' TERM; echo up; sleep 100 & wait"]
                image: localstack/localstack:4.14.0
            """;
    private static final List<String> STORY = List.of("plain Exited (137)", "zero Exited (0)", "three Exited (3) [up, got TERM]");

    StopOnEnginesTest() { super("stoptier", COMPOSE, STORY); }

    /** The main process found inside the bwrap processes that sandbox it (as the lab runs one-shots). */
    @Test
    void inTheEmbeddedEnginesSandbox() throws Exception {
        var sandbox = Sandbox.detect();
        assertTrue(sandbox.available(), "needs bubblewrap: " + sandbox.unavailableReason());
        try (var engine = new EmbeddedEngine(tmp.resolve("sandboxed"), "community-4.14", InitScripts.of(HookEnvironment.none(), sandbox))) {
            assertEquals(STORY, told(engine));
        }
    }

    @Override
    List<String> story(Engine engine, Project p) throws Exception {
        engine.up(p, List.of());
        // The traps are set once the script printed: a stop before would find no handler yet.
        for (int i = 0; i < 100 && !engine.logs(p, "three").contains("up"); i++) Thread.sleep(50);
        Thread.sleep(300);
        engine.stop(p, List.of());
        var out = new ArrayList<String>();
        for (String s : List.of("plain", "zero", "three")) {
            var c = engine.container(p, s).orElseThrow();
            String state = c.status(Instant.now()).replaceAll(" (Less than a second|\\d+ seconds?) ago$", "");
            out.add(s + " " + state + (s.equals("three") ? " " + engine.logs(p, s) : ""));
        }
        engine.down(p, true);
        return out;
    }
}
