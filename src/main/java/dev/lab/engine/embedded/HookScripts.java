package dev.lab.engine.embedded;

import java.util.function.Consumer;

/**
 * Runs programs "in" an embedded container as LocalStack runs its init hooks: the hook scripts themselves
 * (see {@link HookCall}), one-shot commands and healthchecks, and {@code docker exec}.
 */
@FunctionalInterface
public interface HookScripts {
    /**
     * Runs one LocalStack init-hook script and returns its exit code, streaming its output to {@code log}.
     *
     * @throws Exception when the script could not be started; the message is what LocalStack would log,
     *                   e.g. {@code [Errno 13] Permission denied: '/etc/localstack/init/ready.d/01.sh'}
     */
    int run(HookCall call, Consumer<String> log) throws Exception;

    /**
     * Runs a command without a terminal to its end (a one-shot {@code command}, a healthcheck), its output as lines
     * to {@code out}, and returns its exit code.
     *
     * @throws Exception when it could not start at all
     */
    default int run(ExecCall call, Consumer<String> out) throws Exception {
        throw new dev.lab.engine.EngineException("one-shot commands are not supported by this embedded engine");
    }

    /** The host process that runs a {@code docker exec} in the container as its hooks run; refused where that cannot be. */
    default dev.lab.engine.ExecPlan exec(ExecCall call) throws dev.lab.engine.EngineException {
        throw new dev.lab.engine.EngineException("docker exec is not supported by this embedded engine");
    }
}
