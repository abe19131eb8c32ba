package dev.lab.engine;

import dev.lab.compose.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compose's waits: a {@code depends_on} condition before a service starts, and {@code up --wait} for every
 * service. A condition that can no longer be met is an error in Compose's words.
 */
public final class Conditions {
    /** How long a start waits for a dependency's condition before giving up. */
    public static final Duration DEPENDENCY_TIMEOUT = Duration.ofMinutes(5);

    private static final Duration POLL = Duration.ofMillis(100);
    /** How often Compose looks during {@code up --wait} (pkg/compose/convergence.go's ticker), first after one period. */
    private static final Duration TICK = Duration.ofMillis(500);

    private Conditions() {}

    /** A wait that failed, in Compose's own words (not the daemon's): printed as it is. */
    public static final class Failed extends EngineException {
        public Failed(String message) { super(message); }
    }

    /**
     * Whether the dependency's container meets the condition now. Whether it has a healthcheck is the container's
     * (its image's {@code HEALTHCHECK} counts), as Compose inspects it (pkg/compose/convergence.go, isServiceHealthy).
     *
     * @throws EngineException when it never will (unhealthy, exited, failed, no healthcheck)
     */
    public static boolean met(ContainerInfo c, String condition) throws EngineException {
        switch (condition) {
            case Service.HEALTHY -> {
                // Compose waits on a restarting container: its policy may bring it back healthy.
                if (c.state() == ContainerInfo.State.RESTARTING) return false;
                if (!c.running()) throw new Failed("dependency failed to start: container " + c.name() + " exited ("
                        + c.exitCode() + ")");
                if (c.health().isEmpty()) {
                    throw new Failed("dependency failed to start: container " + c.name() + " has no healthcheck configured");
                }
                if (c.health().equals("unhealthy")) {
                    throw new Failed("dependency failed to start: container " + c.name() + " is unhealthy");
                }
                return c.health().equals("healthy");
            }
            case Service.COMPLETED -> {
                if (c.state() != ContainerInfo.State.EXITED) return false;
                if (c.exitCode() != 0) throw new Failed("service \"" + c.service()
                        + "\" didn't complete successfully: exit " + c.exitCode());
                return true;
            }
            default -> {
                return c.state() != ContainerInfo.State.CREATED;
            }
        }
    }

    /** A duration as Go's {@code time.Duration.String} prints whole seconds: {@code 5s}, {@code 1m0s}, {@code 1h0m0s}. */
    static String goDuration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) return s + "s";
        if (s < 3600) return s / 60 + "m" + s % 60 + "s";
        return s / 3600 + "h" + s % 3600 / 60 + "m" + s % 60 + "s";
    }

    /**
     * Whether {@code up --wait} may stop waiting for this container: healthy, or running without a check (seen so only
     * at one of Compose's {@code atTick} looks); an exited one fails the wait, whatever its code, unless another
     * service depends on it with {@code service_completed_successfully} ({@code completes}): then it is waited for
     * until it exits 0 (pkg/compose/start.go, getDependencyCondition). A restarting one is waited for, as Compose
     * does, until it runs, exits for good or the wait times out.
     */
    public static boolean ready(ContainerInfo c, boolean completes, boolean atTick) throws EngineException {
        if (completes) return met(c, Service.COMPLETED);
        if (c.state() == ContainerInfo.State.EXITED) throw new Failed("container " + c.name() + " exited (" + c.exitCode() + ")");
        if (!c.running()) return false;
        if (c.health().equals("unhealthy")) throw new Failed("container " + c.name() + " is unhealthy");
        return c.health().isEmpty() ? atTick : c.health().equals("healthy");
    }

    /** Whether a service of the file depends on {@code service} with {@code service_completed_successfully}. */
    static boolean completes(Map<String, Service> services, String service) {
        return services.values().stream().anyMatch(s -> Service.COMPLETED.equals(s.dependsOn().get(service)));
    }

    /**
     * {@code up --wait [services]} after the start: waits for those services and their dependencies. A dependent left
     * out is not asked about its conditions, as Compose trims the project to the services named and their dependencies.
     */
    public static void awaitUp(Engine engine, Project project, List<String> services, Duration timeout) throws EngineException {
        var plan = new java.util.LinkedHashMap<String, Service>();
        for (Service s : Dependencies.order(project.compose(), services)) plan.put(s.name(), s);
        await(() -> engine.containers(project).stream().filter(c -> plan.containsKey(c.service())).toList(), plan, timeout, engine);
    }

    /**
     * {@code up --wait}: polls the containers until each is {@link #ready}.
     *
     * @throws EngineException naming the first container that failed, or the ones still waited for at the timeout
     */
    public static void await(Supplier<List<ContainerInfo>> containers, Map<String, Service> services,
                             Duration timeout) throws EngineException {
        await(containers, services, timeout, null);
    }

    /** As above, woken by the engine's {@link Engine#awaitChange} when it can tell a change (embedded) instead of polling. */
    public static void await(Supplier<List<ContainerInfo>> containers, Map<String, Service> services,
                             Duration timeout, Engine engine) throws EngineException {
        long begun = System.nanoTime();
        long deadline = begun + timeout.toNanos();
        long ticks = 0;
        while (true) {
            long seen = engine == null ? 0 : engine.changes();
            long elapsed = System.nanoTime() - begun;
            // A crash loop's short runs are seen running only if a look lands in one, as with Compose's ticker.
            boolean atTick = elapsed / TICK.toNanos() > ticks;
            ticks = elapsed / TICK.toNanos();
            var waiting = new java.util.ArrayList<String>();
            for (ContainerInfo c : containers.get()) if (!ready(c, completes(services, c.service()), atTick)) waiting.add(c.name());
            if (waiting.isEmpty()) return;
            if (System.nanoTime() > deadline) {
                // Compose's words (pkg/compose/start.go), which name the wait and not the containers.
                throw new Failed("application not healthy after " + goDuration(timeout));
            }
            long toTick = (ticks + 1) * TICK.toNanos() - (System.nanoTime() - begun);
            var pause = Duration.ofNanos(Math.max(1_000_000, Math.min(POLL.toNanos(), toTick)));
            try {
                if (engine == null) Thread.sleep(pause.toMillis());
                else engine.awaitChange(seen, pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failed("interrupted while waiting for the services");
            }
        }
    }
}
