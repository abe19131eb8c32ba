package dev.lab.emulator;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs one init hook script for the emulator. The caller supplies it because running a
 * program (and confining it) is the caller's business; the emulator only decides when and
 * in what order, and logs the outcome as LocalStack does.
 */
@FunctionalInterface
public interface HookRunner {
    /**
     * Runs {@code script} to completion.
     *
     * @param script        the host path of a {@code .sh} or {@code .py} file under a stage folder
     * @param containerPath where the container sees it, e.g. {@code /etc/localstack/init/ready.d/01.sh}
     * @param log           receives the script's output, one line per call
     * @return the script's exit code; anything but 0 marks it {@code ERROR}
     * @throws Exception when the script could not be run at all (also {@code ERROR}); its message is
     *                   logged as LocalStack logs the Python exception, e.g.
     *                   {@code [Errno 13] Permission denied: '/etc/localstack/init/ready.d/01.sh'}
     */
    int run(Path script, String containerPath, Consumer<String> log) throws Exception;
}
