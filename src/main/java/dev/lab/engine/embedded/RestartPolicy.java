package dev.lab.engine.embedded;

import java.time.Duration;

/**
 * A service's {@code restart:} policy and Docker's decision on it when the main process exits (moby's
 * {@code restartmanager.ShouldRestart}): {@code no} never restarts; {@code always} and {@code unless-stopped}
 * always do (they differ only when the daemon itself restarts, which the embedded engine does not emulate);
 * {@code on-failure[:N]} restarts on a non-zero exit, at most N times when N is given. An explicit stop never
 * reaches this decision: it cancels the container's {@link RestartManager}.
 *
 * @param name       {@code no}, {@code always}, {@code on-failure} or {@code unless-stopped}
 * @param maxRetries the N of {@code on-failure:N}; 0 means no limit (and is what the other policies carry)
 */
record RestartPolicy(String name, int maxRetries) {
    /** Docker's first delay between an exit and the restart; it doubles after each restart. */
    static final Duration FIRST_DELAY = Duration.ofMillis(100);
    /** The longest delay Docker waits before a restart. */
    static final Duration MAX_DELAY = Duration.ofMinutes(1);
    /** A run at least this long puts the delay back to {@link #FIRST_DELAY}. */
    static final Duration RESET_AFTER = Duration.ofSeconds(10);

    /** A policy as compose writes it ({@code on-failure:3}); {@code null} is {@code no}. */
    static RestartPolicy parse(String text) {
        if (text == null || text.isEmpty()) return new RestartPolicy("no", 0);
        int colon = text.indexOf(':');
        if (colon < 0) return new RestartPolicy(text, 0);
        return new RestartPolicy(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }

    /** Whether a main process that exited with {@code exitCode}, after {@code restartsSoFar} restarts, is restarted. */
    boolean restarts(int exitCode, int restartsSoFar) {
        return switch (name) {
            case "always", "unless-stopped" -> true;
            case "on-failure" -> exitCode != 0 && (maxRetries == 0 || restartsSoFar < maxRetries);
            default -> false;
        };
    }

    /**
     * The delay before the next restart, given the one before ({@link Duration#ZERO} when none yet) and how long
     * the container ran: 100 ms, doubled each time up to a minute, back to 100 ms after a run of 10 s or more.
     */
    static Duration nextDelay(Duration previous, Duration ran) {
        if (previous.isZero() || ran.compareTo(RESET_AFTER) >= 0) return FIRST_DELAY;
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : doubled;
    }

    /** As compose writes it, and as {@link dev.lab.engine.ContainerInfo#restartPolicy} carries it. */
    String text() { return maxRetries > 0 ? name + ":" + maxRetries : name; }
}
