package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.hooks.HookEnvironment;
import dev.lab.hooks.InitScripts;
import dev.lab.hooks.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One story told by the embedded engine and by Docker (the Docker tier), each compared with the lines expected.
 * Run the embedded one in its own loopback and the Docker one on the host network, one at a time.
 */
abstract class EnginesStory {
    @TempDir Path tmp;
    private final String project;
    private final String compose;
    private final List<String> expected;

    /**
     * @param project  the compose project the story uses, in a folder of that name; removed from Docker afterwards
     * @param compose  its docker-compose.yml
     * @param expected the story's lines on both engines
     */
    EnginesStory(String project, String compose, List<String> expected) {
        this.project = project;
        this.compose = compose;
        this.expected = expected;
    }

    /** Tells the story of the project {@code p} on {@code engine}. */
    abstract List<String> story(Engine engine, Project p) throws Exception;

    final List<String> told(Engine engine) throws Exception {
        Path ws = Files.createDirectories(tmp.resolve(project));
        Files.writeString(ws.resolve("docker-compose.yml"), compose);
        return story(engine, new Project(project, ws, ComposeParser.parse(ws.resolve("docker-compose.yml"))));
    }

    @Test
    void onTheEmbeddedEngine() throws Exception {
        try (var engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14",
                InitScripts.of(HookEnvironment.none(), Sandbox.off("unconfined in this test")))) {
            assertEquals(expected, told(engine));
        }
    }

    @Test
    void onDocker() throws Exception {
        try (var engine = DockerTier.engine()) {
            try {
                assertEquals(expected, told(engine));
            } finally {
                engine.purge(project);
            }
        }
    }
}
