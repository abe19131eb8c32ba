package dev.lab.engine.embedded;

import dev.lab.compose.Healthcheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntUnaryOperator;

/**
 * Runs a container's {@code healthcheck} as Docker does: the first probe one interval after start, then every
 * interval, or every start interval during the start period until the container is first healthy
 * ({@link Healthcheck#nextProbeIn}); a probe that fails or outlasts the timeout counts against {@code retries} (not during the start period);
 * one success makes the container healthy. Writes {@link Container#health} and tells the engine on each change.
 */
final class HealthMonitor {
    private final Container c;
    private final Healthcheck check;
    private final HookScripts hooks;
    private final IntUnaryOperator port;
    private final Runnable changed;
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-probe");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopped;
    private Thread thread;

    /** @param port the host port a container port is served on (so {@code localhost:4566} in a test reaches it) */
    HealthMonitor(Container c, Healthcheck check, HookScripts hooks, IntUnaryOperator port, Runnable changed) {
        this.c = c;
        this.check = check;
        this.hooks = hooks;
        this.port = port;
        this.changed = changed;
    }

    void start() {
        set("starting");
        long begun = System.nanoTime();
        thread = new Thread(() -> {
            int failures = 0;
            while (!stopped) {
                Duration since = Duration.ofNanos(System.nanoTime() - begun);
                if (!sleep(check.nextProbeIn(since, "starting".equals(c.health)))) return;
                boolean ok;
                try (var t = dev.lab.trace.Trace.span("healthcheck " + c.name)) {
                    ok = probe();
                }
                if (stopped) return;
                if (ok) {
                    failures = 0;
                    set("healthy");
                } else if (System.nanoTime() - begun >= check.startPeriod().toNanos() && ++failures >= check.retriesOrDefault()) {
                    set("unhealthy");
                }
            }
        }, "health-" + c.name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        stopped = true;
        if (thread != null) thread.interrupt();
        probes.shutdownNow();
        c.health = "";
    }

    private boolean probe() {
        List<String> argv = argv();
        Future<Integer> run = probes.submit(() -> hooks.run(ExecCall.oneShot(c, argv, null,
                "http://127.0.0.1:" + port.applyAsInt(4566)), line -> { }));
        try {
            Duration timeout = check.timeout().isZero() ? Healthcheck.DEFAULT_DURATION : check.timeout();
            return run.get(timeout.toMillis(), TimeUnit.MILLISECONDS) == 0;
        } catch (TimeoutException e) {
            run.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** The test as an argv; inside the container LocalStack is {@code localhost:4566}, here it is its published port. */
    private List<String> argv() {
        var out = new ArrayList<String>();
        List<String> words = check.test().get(0).equals("CMD-SHELL")
                ? List.of("/bin/sh", "-c", check.test().get(1)) : check.test().subList(1, check.test().size());
        int hostPort = port.applyAsInt(4566);
        for (String w : words) {
            out.add(hostPort > 0 ? w.replaceAll("(localhost|127\\.0\\.0\\.1):4566\\b", "127.0.0.1:" + hostPort) : w);
        }
        return out;
    }

    private void set(String status) {
        if (!status.equals(c.health)) {
            c.health = status;
            changed.run();
        }
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return !stopped;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
