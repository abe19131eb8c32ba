package dev.lab.engine.embedded;

import java.util.function.Consumer;

/**
 * Runs one LocalStack init-hook script of an embedded LocalStack container (see {@link HookCall}) and
 * returns its exit code, streaming its output to {@code log}.
 */
@FunctionalInterface
public interface HookScripts {
    /**
     * @throws Exception when the script could not be started; the message is what LocalStack would log,
     *                   e.g. {@code [Errno 13] Permission denied: '/etc/localstack/init/ready.d/01.sh'}
     */
    int run(HookCall call, Consumer<String> log) throws Exception;

    /** The host process that runs a {@code docker exec} in the container as its hooks run; refused where that cannot be. */
    default dev.lab.engine.ExecPlan exec(ExecCall call) throws dev.lab.engine.EngineException {
        throw new dev.lab.engine.EngineException("docker exec is not supported by this embedded engine");
    }
}
