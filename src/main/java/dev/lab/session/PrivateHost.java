package dev.lab.session;

import dev.lab.engine.Engine;
import dev.lab.fs.FileTrees;
import dev.lab.host.EngineHost;
import dev.lab.host.HostIdentity;
import dev.lab.host.HostPaths;
import dev.lab.host.Toolbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An engine host over an engine of this process, in a temporary folder, for a session that was
 * handed its engine directly (tests, embedding): its blocks' {@code docker} and {@code aws} reach
 * that very engine. It lives as long as the session.
 */
final class PrivateHost implements AutoCloseable {
    private final Path dir;
    private final HostPaths paths;
    private final EngineHost host;

    private PrivateHost(Path dir, HostPaths paths, EngineHost host) {
        this.dir = dir;
        this.paths = paths;
        this.host = host;
    }

    static PrivateHost start(Engine engine, Map<String, String> images) {
        try {
            Path dir = Files.createTempDirectory("lab-host");
            var paths = new HostPaths(dir.resolve("engine"));
            var identity = new HostIdentity(engine.name(), engine.edition(), images);
            var host = new EngineHost(engine, identity, paths, Duration.ofDays(365)).start();
            return new PrivateHost(dir, paths, host);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the session's engine host: " + e.getMessage(), e);
        }
    }

    Toolbox toolbox(Path workspace) { return Toolbox.of(paths, System.getenv(), workspace); }

    @Override
    public void close() {
        host.stop();
        host.removeSocket();
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            // A temporary folder; the OS cleans it up.
        }
    }
}
