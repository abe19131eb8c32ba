package dev.lab.emulator;

import dev.lab.fs.FileTrees;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Measures how long the emulator takes to restart: a first (cold) start, one
 * warm-up restart, then 20 timed stop+start cycles on a fixed port, printing
 * the median. Run with
 * {@code java -cp target/classes:<deps> dev.lab.emulator.Bench}.
 */
public final class Bench {
    private static final int RESTARTS = 20;

    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Files.createTempDirectory("localstack-bench");
        Path volume = Files.createDirectories(root.resolve("volume"));
        Path scratch = Files.createDirectories(root.resolve("scratch"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        LocalStackConfig config = new LocalStackConfig("community-4.14", "127.0.0.1", port,
                Map.of(), volume, scratch, Map.of());
        try (LocalStackEmulator emulator = new LocalStackEmulator(config, (s, p, l) -> 0, l -> { })) {
            long first = System.nanoTime();
            emulator.start();
            System.out.printf("first start: %.1f ms%n", (System.nanoTime() - first) / 1e6);
            emulator.stop();
            emulator.start();
            double[] millis = new double[RESTARTS];
            for (int i = 0; i < RESTARTS; i++) {
                long t0 = System.nanoTime();
                emulator.stop();
                emulator.start();
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(millis);
            double median = (millis[RESTARTS / 2 - 1] + millis[RESTARTS / 2]) / 2;
            System.out.printf("restart (stop+start) over %d runs: median %.1f ms,"
                    + " min %.1f ms, max %.1f ms%n", RESTARTS, median, millis[0],
                    millis[RESTARTS - 1]);
        } finally {
            FileTrees.delete(root);
        }
    }
}
