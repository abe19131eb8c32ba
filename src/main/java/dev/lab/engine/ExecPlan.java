package dev.lab.engine;

import java.util.List;
import java.util.Map;

/**
 * The host process that performs a {@code docker exec}, run by whoever owns the learner's terminal
 * (the shim's process), never by the engine host, which has no terminal.
 *
 * @param argv        the program and its arguments
 * @param env         the variables it gets; with {@code inheritEnv} on top of the caller's own, else alone
 * @param inheritEnv  whether the caller's environment is kept under {@code env}
 * @param tty         the program gets the caller's terminal; otherwise its output goes through pipes
 * @param interactive the program reads the caller's standard input; otherwise {@code /dev/null}
 */
public record ExecPlan(List<String> argv, Map<String, String> env, boolean inheritEnv, boolean tty, boolean interactive) {
    public ExecPlan {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }
}
