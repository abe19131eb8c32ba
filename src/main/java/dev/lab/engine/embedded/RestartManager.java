package dev.lab.engine.embedded;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * One container's restarts, as moby's restart manager keeps them: its {@link RestartPolicy}, the
 * {@code RestartCount}, the doubling delay, and the restart waiting for its delay to pass. Used under the
 * engine's lock only; the timer's task comes back through the engine, which asks {@link #due} first.
 */
final class RestartManager {
    private final RestartPolicy policy;
    private int count;
    private Duration delay = Duration.ZERO;
    private long generation;
    private ScheduledFuture<?> pending;

    RestartManager(RestartPolicy policy) { this.policy = policy; }

    /** The count a previous engine recorded for the container (Docker keeps it across a daemon restart). */
    void restore(int recorded) { count = recorded; }

    RestartPolicy policy() { return policy; }

    /** Docker's {@code RestartCount}: restarts by the policy since the container was last started by hand. */
    int count() { return count; }

    /**
     * The main process exited with {@code exitCode} after running {@code ran}: the delay before it is restarted
     * (the restart is counted now, as Docker counts it on entering {@code restarting}), or empty when it stays exited.
     */
    Optional<Duration> onExit(int exitCode, Duration ran) {
        if (!policy.restarts(exitCode, count)) return Optional.empty();
        delay = RestartPolicy.nextDelay(delay, ran);
        count++;
        return Optional.of(delay);
    }

    /** Runs {@code restart} with this restart's ticket after {@code after} on {@code timer}. */
    void schedule(ScheduledExecutorService timer, Duration after, LongConsumer restart) {
        long ticket = ++generation;
        pending = timer.schedule(() -> restart.accept(ticket), after.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Whether {@code ticket} is the restart still waited for (not cancelled, not replaced); it is then taken. */
    boolean due(long ticket) {
        if (pending == null || ticket != generation) return false;
        pending = null;
        return true;
    }

    /** An explicit stop, down or removal: the waiting restart, if any, never happens. */
    void cancel() {
        generation++;
        if (pending != null) pending.cancel(false);
        pending = null;
    }

    /** A start by hand ({@code docker start}, {@code up}, {@code restart}): count and delay begin again, as Docker's reset does. */
    void reset() {
        cancel();
        count = 0;
        delay = Duration.ZERO;
    }
}
