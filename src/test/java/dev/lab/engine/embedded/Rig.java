package dev.lab.engine.embedded;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Project;
import dev.lab.hooks.HookEnvironment;
import dev.lab.hooks.InitScripts;
import dev.lab.hooks.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;

/** An embedded engine on a test's folder, running commands unconfined, and its project {@code proj}: what engine tests start from. */
final class Rig implements AutoCloseable {
    final Path tmp;
    final Path ws;
    EmbeddedEngine engine;

    Rig(Path tmp) throws Exception {
        this.tmp = tmp;
        this.ws = Files.createDirectories(tmp.resolve("proj"));
        this.engine = open();
    }

    private EmbeddedEngine open() {
        return new EmbeddedEngine(tmp.resolve("engine"), "community-4.14",
                InitScripts.of(HookEnvironment.none(), Sandbox.off("unconfined in this test")));
    }

    /** Closes the engine and opens another on the same folder, as after the runner restarted. */
    void reopen() {
        engine.close();
        engine = open();
    }

    /** The project whose compose file holds {@code services} (the lines under {@code services:}). */
    Project project(String services) throws Exception {
        Files.writeString(ws.resolve("docker-compose.yml"), "services:\n" + services);
        return new Project("proj", ws, ComposeParser.parse(ws.resolve("docker-compose.yml")));
    }

    ContainerInfo info(Project p, String service) { return engine.container(p, service).orElseThrow(); }

    @Override
    public void close() { engine.close(); }
}
