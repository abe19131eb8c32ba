package dev.lab.engine.embedded;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Runs a LocalStack init-hook script ({@code .sh}) against the emulator at {@code endpoint}; returns its exit code. */
@FunctionalInterface
public interface HookScripts {
    int run(Path script, String endpoint, Consumer<String> log) throws Exception;
}
