package dev.lab.engine;

import java.util.List;
import java.util.Map;

/**
 * One {@code docker exec} (or {@code docker compose exec}) as the learner typed it.
 *
 * @param container   the container's name, id prefix or service
 * @param command     the program and its arguments
 * @param interactive {@code -i}: the program reads the caller's standard input
 * @param tty         a terminal is given to the program (the caller has checked it has one)
 * @param user        {@code -u}, or null for the container's user
 * @param workdir     {@code -w}, or null for the container's working directory
 * @param env         {@code -e K=V} variables, in order
 */
public record ExecRequest(String container, List<String> command, boolean interactive, boolean tty, String user,
                          String workdir, Map<String, String> env) {
    public ExecRequest {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    /** Docker's answer for a container that exists but does not run. */
    public static EngineException notRunning(String id) {
        return new EngineException("Error response from daemon: container " + id + " is not running");
    }

    /** Docker's answer for a container its restart policy is about to start again (moby {@code errContainerIsRestarting}). */
    public static EngineException restarting(String id) {
        return new EngineException("Error response from daemon: Container " + id + " is restarting, wait until the container is running");
    }

    /** Docker's answer for a name no container has. */
    public static EngineException noSuchContainer(String name) {
        return new EngineException("Error response from daemon: No such container: " + name);
    }
}
