package dev.lab.engine.embedded;

import dev.lab.engine.ContainerInfo.State;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The runs of the embedded engine's containers, as Docker's daemon drives them: a start by hand, the main
 * process's exit and what the container's {@link RestartManager} makes of it ({@code exited}, or {@code restarting}
 * then started again after its delay), and a stop, which cancels a pending restart. Callers hold the engine's
 * lock; the exit and timer callbacks take it.
 */
final class Runs {
    private final Object lock;
    private final Images images;
    private final ContainerStore store;
    private final Predicate<Container> known;
    private final BiFunction<String, Container, String> endpoint;
    private final Runnable changed;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "container-restarts");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param lock     the engine, whose lock guards every container
     * @param known    whether a container is still the engine's (a removed one is neither saved nor restarted)
     * @param endpoint where a project's container sends its AWS calls
     * @param changed  told of every state or health change
     */
    Runs(Object lock, Images images, ContainerStore store, Predicate<Container> known,
         BiFunction<String, Container, String> endpoint, Runnable changed) {
        this.lock = lock;
        this.images = images;
        this.store = store;
        this.known = known;
        this.endpoint = endpoint;
        this.changed = changed;
    }

    /** A start by hand ({@code up}, {@code start}, {@code restart}): the restart count begins again, as Docker's does. */
    void start(Project project, Container c) throws EngineException {
        c.environment = dev.lab.engine.Environments.of(project, c.spec);
        c.restarts.reset();
        launch(c, null);
    }

    /** Starts the program again on the in-memory state a snapshot recorded (see {@link Runtime#resume}). */
    void resume(Container c, Map<String, String> memory) throws EngineException {
        launch(c, memory);
    }

    private void launch(Container c, Map<String, String> memory) throws EngineException {
        var self = new AtomicReference<Runtime>();
        Runtime rt = images.runtime(c, () -> endpoint.apply(c.project, c), code -> exited(c, self.get(), code));
        self.set(rt);
        try {
            c.runtime = rt;
            try (var t = dev.lab.trace.Trace.span("start " + c.name)) {
                if (memory == null) rt.start();
                else rt.resume(memory);
            }
            c.state = State.RUNNING;
            c.exitCode = 0;
            c.started = Instant.now();
            var check = Images.healthcheck(c.spec);
            if (check != null && !check.disabled()) {
                c.health = "starting";
                c.monitor = new HealthMonitor(c, check, images.hooks(), rt::hostPort, changed);
                c.monitor.start();
            }
        } catch (Runtime.Exited e) {
            // The program started and ended at once (permission denied, no licence): an exit like any other.
            c.started = Instant.now();
            ended(c, e.code);
            return;
        } catch (EngineException | RuntimeException e) {
            c.runtime = null;
            throw e;
        }
        store.save(c);
        changed.run();
    }

    /** A one-shot command ended on its own; an exit reported by a run that was since stopped or replaced is old news. */
    private void exited(Container c, Runtime rt, int code) {
        synchronized (lock) {
            if (c.state == State.RUNNING && c.runtime == rt) ended(c, code);
        }
    }

    /** The main process ended with {@code code}: the restart policy decides between exited and restarting. */
    private void ended(Container c, int code) {
        stopMonitor(c);
        c.runtime = null;
        c.exitCode = code;
        c.finished = Instant.now();
        var ran = Duration.between(c.started == null ? c.finished : c.started, c.finished);
        // A removed container, or one of a closed engine, is not restarted (nor counted).
        var delay = known.test(c) && !timer.isShutdown() ? c.restarts.onExit(code, ran) : java.util.Optional.<Duration>empty();
        if (delay.isPresent()) {
            c.state = State.RESTARTING;
            c.restarts.schedule(timer, delay.get(), ticket -> restartDue(c, ticket));
        } else {
            c.state = State.EXITED;
        }
        if (known.test(c)) store.save(c);
        changed.run();
    }

    private void restartDue(Container c, long ticket) {
        synchronized (lock) {
            if (c.state != State.RESTARTING || !known.test(c) || !c.restarts.due(ticket)) return;
            try {
                launch(c, null);
            } catch (EngineException | RuntimeException e) {
                // Docker leaves a container whose restart failed (a port taken meanwhile) exited with its last code.
                c.state = State.EXITED;
                store.save(c);
                changed.run();
            }
        }
    }

    /**
     * Stops a running container, which records the exit code its program ended with, or cancels the pending restart of
     * a restarting one (which keeps its last exit code).
     */
    void halt(Container c) {
        c.restarts.cancel();
        if (c.state == State.RESTARTING) {
            c.state = State.EXITED;
        } else if (c.state == State.RUNNING) {
            stopMonitor(c);
            Runtime rt = c.runtime;
            c.runtime = null;
            c.exitCode = rt.stop();
            c.state = State.EXITED;
            c.finished = Instant.now();
        } else {
            return;
        }
        if (known.test(c)) store.save(c);
        changed.run();
    }

    private static void stopMonitor(Container c) {
        if (c.monitor != null) c.monitor.stop();
        c.monitor = null;
    }

    /** Drops every pending restart (the engine is closing; its containers were halted). */
    void close() { timer.shutdownNow(); }
}
