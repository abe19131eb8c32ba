package dev.lab.engine;

import java.time.Instant;
import java.util.List;

/**
 * A container as {@code docker inspect} would describe it.
 *
 * @param health Docker's {@code State.Health.Status} ({@code starting}, {@code healthy}, {@code unhealthy}),
 *               or empty when the container has no healthcheck
 */
public record ContainerInfo(String id, String name, String service, String image, State state, int exitCode,
                            String user, List<MountInfo> mounts, List<String> ports, Instant created, String health) {

    /** A container without a healthcheck. */
    public ContainerInfo(String id, String name, String service, String image, State state, int exitCode,
                         String user, List<MountInfo> mounts, List<String> ports, Instant created) {
        this(id, name, service, image, state, exitCode, user, mounts, ports, created, "");
    }

    public ContainerInfo {
        health = health == null ? "" : health;
    }

    /** Docker's container states, reduced to the ones labs observe. */
    public enum State { CREATED, RUNNING, EXITED;

        /** The lower-case word Docker prints. */
        public String word() { return name().toLowerCase(); }
    }

    /** Whether the container is running. */
    public boolean running() { return state == State.RUNNING; }
}
