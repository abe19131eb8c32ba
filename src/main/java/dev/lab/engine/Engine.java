package dev.lab.engine;

import java.util.List;
import java.util.Optional;

/**
 * A container engine as the learner sees it through {@code docker} and {@code docker compose}.
 * Both implementations (embedded emulator, real Docker) must show the same observable semantics;
 * every resource an engine creates carries the project's labels, and nothing else is touched.
 */
public interface Engine extends AutoCloseable {

    /** {@code embedded} or {@code docker}. */
    String name();

    /** Creates missing volumes and containers of the services (all when empty, plus dependencies) and starts them. */
    void up(Project project, List<String> services) throws EngineException;

    /** Stops and removes the project's containers; with {@code removeVolumes} also its declared and anonymous volumes. */
    void down(Project project, boolean removeVolumes) throws EngineException;

    /** Stops and removes the project's containers whose service is not in the compose file ({@code --remove-orphans}). */
    void removeOrphans(Project project) throws EngineException;

    /**
     * Removes everything labelled with the project: every container (orphans of other compose files
     * too) and every volume, named or anonymous. Used to reset a lab; touches nothing unlabelled.
     */
    void purge(String project) throws EngineException;

    /** Stops the services' containers (all when empty), keeping them. */
    void stop(Project project, List<String> services) throws EngineException;

    /** Starts the services' existing containers (all when empty). */
    void start(Project project, List<String> services) throws EngineException;

    /** Stops then starts the same containers. */
    void restart(Project project, List<String> services) throws EngineException;

    /** The project's containers, running or not, in service order. */
    List<ContainerInfo> containers(Project project);

    /** Any container this engine manages, by container name, service name or id prefix. */
    Optional<ContainerInfo> container(Project project, String nameOrId);

    /** The project's volumes, named and anonymous. */
    List<VolumeInfo> volumes(Project project);

    /** The container's log lines, oldest first. */
    List<String> logs(Project project, String nameOrId) throws EngineException;

    /**
     * How to run {@code docker exec} in a running container: the host process the caller starts with its
     * own terminal. Throws Docker's own message for an unknown or stopped container.
     */
    default ExecPlan exec(Project project, ExecRequest request) throws EngineException {
        throw new EngineException("docker exec is not supported by the " + name() + " engine");
    }

    /** The edition profile the LocalStack containers of this engine run as. */
    String edition();

    /** The edition and version LocalStack itself reported (docker engine, after a start), if any. */
    default java.util.Optional<String> reported() { return java.util.Optional.empty(); }

    /** Whether {@link #saveState}/{@link #restoreState} work and are cheap enough for a snapshot at every step. */
    default boolean snapshots() { return false; }

    /**
     * Saves in {@code dir} (created or replaced) the project's containers, with what their programs hold
     * in memory that a restore needs, and its volumes.
     */
    default void saveState(String project, java.nio.file.Path dir) throws EngineException {
        throw new EngineException("the " + name() + " engine keeps no snapshots");
    }

    /**
     * Makes the project's containers and volumes what {@link #saveState} saved in {@code dir}: containers and
     * volumes made since are removed, the saved ones come back in the state they were in, running ones
     * serving the data they served then.
     */
    default void restoreState(String project, java.nio.file.Path dir) throws EngineException {
        throw new EngineException("the " + name() + " engine keeps no snapshots");
    }

    /**
     * A count that grows whenever a container's state or health changes; with {@link #awaitChange} a wait (such as
     * {@code up --wait}) wakes at the change instead of at its next poll. 0 when the engine cannot tell.
     */
    default long changes() { return 0; }

    /** Waits until {@link #changes} is past {@code seen}, at most {@code max}; an engine that cannot tell just sleeps. */
    default void awaitChange(long seen, java.time.Duration max) throws InterruptedException {
        Thread.sleep(max.toMillis());
    }

    @Override
    void close();
}
