package dev.lab.engine;

import java.time.Instant;
import java.util.List;

/**
 * A container as {@code docker inspect} would describe it.
 *
 * @param health   {@code starting}, {@code healthy} or {@code unhealthy} while it runs with a healthcheck, else empty
 * @param started  when it last started, or null
 * @param finished when it last exited, or null
 * @param restartCount  Docker's {@code RestartCount}: restarts by the restart policy since the last start by hand
 * @param restartPolicy the {@code restart:} policy as compose writes it: {@code no}, {@code always}, {@code on-failure:3}…
 */
public record ContainerInfo(String id, String name, String service, String image, State state, int exitCode,
                            String user, List<MountInfo> mounts, List<String> ports, Instant created,
                            String health, Instant started, Instant finished, int restartCount, String restartPolicy) {

    /**
     * Docker's container states, reduced to the ones labs observe. {@code RESTARTING}: the main process exited
     * ({@link #exitCode} says how) and the restart policy brings it back after a delay.
     */
    public enum State { CREATED, RUNNING, RESTARTING, EXITED;

        /** The lower-case word Docker prints. */
        public String word() { return name().toLowerCase(); }
    }

    /** A container without health or start times (tests, and engines that do not track them). */
    public ContainerInfo(String id, String name, String service, String image, State state, int exitCode,
                         String user, List<MountInfo> mounts, List<String> ports, Instant created) {
        this(id, name, service, image, state, exitCode, user, mounts, ports, created, "", null, null, 0, "no");
    }

    /** Whether the container is running. */
    public boolean running() { return state == State.RUNNING; }

    /** Docker's {@code State.Running}: true while running and while restarting (what {@code docker ps} lists without {@code -a}). */
    public boolean live() { return state == State.RUNNING || state == State.RESTARTING; }

    /**
     * The STATUS column of {@code docker ps}: {@code Up 5 seconds (healthy)}, {@code Restarting (1) 2 seconds ago},
     * {@code Exited (0) 3 seconds ago}, {@code Created}.
     */
    public String status(Instant now) {
        return switch (state) {
            case RUNNING -> "Up " + HumanDuration.of(started == null ? created : started, now)
                    + (health.isEmpty() ? "" : health.equals("starting") ? " (health: starting)" : " (" + health + ")");
            case RESTARTING -> "Restarting (" + exitCode + ") " + HumanDuration.of(finished == null ? created : finished, now) + " ago";
            case EXITED -> "Exited (" + exitCode + ")" + (finished == null ? "" : " " + HumanDuration.of(finished, now) + " ago");
            case CREATED -> "Created";
        };
    }
}
