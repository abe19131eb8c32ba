package dev.lab.emulator;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs one init hook shell script for the emulator. The caller supplies it
 * because interpreting a script (and the {@code awslocal} calls inside it)
 * is the caller's business; the emulator only decides when and in what order.
 */
@FunctionalInterface
public interface HookRunner {
    /**
     * Runs {@code script} to completion.
     *
     * @param script the host path of a {@code .sh} file in a stage folder
     * @param log    receives the script's output, one line per call
     * @return the script's exit code; anything but 0 marks it {@code ERROR}
     * @throws Exception when the script could not be run at all (also {@code ERROR})
     */
    int run(Path script, Consumer<String> log) throws Exception;
}
