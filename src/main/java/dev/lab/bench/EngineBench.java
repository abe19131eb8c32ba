package dev.lab.bench;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import dev.lab.session.Engines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmarks of issue #3, run by {@code bench/run.sh}: how soon after LocalStack answers healthy
 * the docker engine's start returns (readiness detection), and a restart of real LocalStack against
 * a restart of the emulator. Usage: {@code EngineBench [runs]}.
 */
public final class EngineBench {
    private static final int PORT = 14566;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private EngineBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path tmp = Files.createTempDirectory("lab-bench");
        try (Engine docker = Engines.open("docker", "community-4.14", tmp.resolve("unused"));
             Engine embedded = Engines.open("embedded", "community-4.14", tmp.resolve("embedded-engine"))) {
            var readiness = new ArrayList<Long>();
            double dockerRestart = restarts(docker, project(tmp.resolve("docker/bench")), runs, readiness);
            double embeddedRestart = restarts(embedded, project(tmp.resolve("embedded/bench")), runs, new ArrayList<>());
            System.out.printf("readiness: start returned a median %d ms after LocalStack first answered healthy (%d runs, target ≤ 200)%n",
                    median(readiness), readiness.size());
            System.out.printf("restart: real LocalStack on docker median %.0f ms, emulator median %.1f ms, ratio %.0fx (%d runs each)%n",
                    dockerRestart, embeddedRestart, dockerRestart / embeddedRestart, runs);
        }
    }

    /** Median restart ms; for each stop+start also records start-return minus first healthy answer into {@code readiness}. */
    private static double restarts(Engine engine, Project project, int runs, List<Long> readiness) throws Exception {
        engine.up(project, List.of());
        try {
            var times = new ArrayList<Double>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                engine.restart(project, List.of());
                times.add((System.nanoTime() - t0) / 1e6);
                engine.stop(project, List.of());
                var healthy = new AtomicLong();
                Thread watcher = new Thread(() -> healthy.set(firstHealthy()));
                watcher.start();
                engine.start(project, List.of());
                long returned = System.nanoTime();
                watcher.join();
                readiness.add(Math.max(0, (returned - healthy.get()) / 1_000_000));
            }
            Collections.sort(times);
            return times.get(times.size() / 2);
        } finally {
            engine.purge(project.name());
        }
    }

    /** Polls the health endpoint every 2 ms; returns the nanoTime of the first 200. */
    private static long firstHealthy() {
        var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/_localstack/health")).timeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return System.nanoTime();
            } catch (Exception e) {
                // not up yet
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return System.nanoTime();
            }
        }
        throw new IllegalStateException("LocalStack never answered healthy on port " + PORT);
    }

    private static Project project(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
                + "    container_name: lab-bench-ls\n    ports:\n      - \"127.0.0.1:" + PORT + ":4566\"\n");
        return new Project("bench", dir, ComposeParser.parse(file));
    }

    private static long median(List<Long> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
