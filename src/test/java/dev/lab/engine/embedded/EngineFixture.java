package dev.lab.engine.embedded;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Project;
import dev.lab.hooks.HookEnvironment;
import dev.lab.hooks.InitScripts;
import dev.lab.hooks.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded-engine tests share: per test, a fresh folder with the engine's state in
 * {@code engine/} and the compose project {@code proj} in {@code proj/} ({@link #ws}), a Community
 * 4.14 engine opened on it before the test and closed after, and the project built from a compose
 * file's text. A test class picks what runs its containers' scripts.
 */
abstract class EngineFixture {
    /** Init hooks, healthchecks and one-shot commands succeed without running. */
    static final Supplier<HookScripts> NO_SCRIPTS = () -> (call, log) -> 0;
    /** Init hooks, healthchecks and one-shot commands run for real, outside the sandbox. */
    static final Supplier<HookScripts> UNCONFINED = () -> InitScripts.of(HookEnvironment.none(), Sandbox.off("unconfined in this test"));

    @TempDir Path tmp;
    Path ws;
    EmbeddedEngine engine;
    private final Supplier<HookScripts> scripts;

    EngineFixture(Supplier<HookScripts> scripts) {
        this.scripts = scripts;
    }

    @BeforeEach
    final void openEngine() throws IOException {
        ws = Files.createDirectories(tmp.resolve("proj"));
        open();
    }

    @AfterEach
    final void closeEngine() { engine.close(); }

    /** Closes the engine and opens a new one on the same state, as the next run of {@code lab} would. */
    final void reopen() {
        engine.close();
        open();
    }

    private void open() {
        engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", scripts.get());
    }

    /** Writes {@code yaml} as the project's {@code docker-compose.yml} and parses it. */
    final Project project(String yaml) throws IOException {
        Files.writeString(ws.resolve("docker-compose.yml"), yaml);
        return new Project("proj", ws, ComposeParser.parse(ws.resolve("docker-compose.yml")));
    }

    /** The project's container of that service or name; fails the test when there is none. */
    final ContainerInfo container(Project p, String name) { return engine.container(p, name).orElseThrow(); }
}
