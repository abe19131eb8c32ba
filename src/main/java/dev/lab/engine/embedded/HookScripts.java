package dev.lab.engine.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a LocalStack init-hook script ({@code .sh}) against the emulator at {@code endpoint}; returns
 * its exit code. {@code mounts} maps the container's mount points to host folders, so a script's
 * {@code /backup/...} path reaches the folder bound there.
 */
@FunctionalInterface
public interface HookScripts {
    int run(Path script, String endpoint, Map<String, Path> mounts, Consumer<String> log) throws Exception;
}
