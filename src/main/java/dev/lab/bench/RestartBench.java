package dev.lab.bench;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import dev.lab.fs.TreeSnapshot;
import dev.lab.session.Engines;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Emulated LocalStack Pro restarts through the lab's own path (the embedded engine, a compose
 * project with {@code PERSISTENCE=1} and a bind-mounted volume), with 0, 1,000 and 10,000 objects:
 * {@code stop}+{@code start} and {@code down}+{@code up}, each checked to keep every object; and the demo's step
 * boundary snapshots of the same project.
 * Usage: {@code RestartBench [runs] [sizes...]}.
 */
public final class RestartBench {
    private static final int PORT = 14567;

    private RestartBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) sizes.add(Integer.parseInt(args[i]));
        if (sizes.isEmpty()) sizes = List.of(0, 1000, 10000);
        Path tmp = Files.createTempDirectory("lab-restart-bench");
        try (Engine engine = Engines.open("embedded", "pro", tmp.resolve("engine"))) {
            for (int size : sizes) {
                Project project = project(tmp.resolve("w" + size));
                engine.up(project, List.of());
                try {
                    fill(size);
                    var restart = new ArrayList<Double>();
                    var downUp = new ArrayList<Double>();
                    for (int i = 0; i < runs; i++) {
                        long t0 = System.nanoTime();
                        engine.stop(project, List.of());
                        engine.start(project, List.of());
                        restart.add((System.nanoTime() - t0) / 1e6);
                        check(size);
                        t0 = System.nanoTime();
                        engine.down(project, false);
                        engine.up(project, List.of());
                        downUp.add((System.nanoTime() - t0) / 1e6);
                        check(size);
                    }
                    System.out.printf("Pro restart with %,d objects: stop+start median %.1f ms, down+up median %.1f ms"
                            + " (%d runs each, target ≤ 50)%n", size, median(restart), median(downUp), runs);
                    System.out.printf("  demo step boundary with %,d objects: saved over the previous one, median %.1f ms%n",
                            size, median(boundaries(engine, tmp.resolve("boundaries" + size), runs)));
                } finally {
                    engine.purge(project.name());
                }
            }
        } finally {
            dev.lab.fs.FileTrees.delete(tmp);
        }
    }

    /**
     * Step boundaries as the presenter's demo saves them: each one PUT after the last, started from the previous
     * boundary ({@link TreeSnapshot#share}) and then saved by the engine.
     */
    private static List<Double> boundaries(Engine engine, Path dir, int runs) throws Exception {
        engine.saveState("restartbench", dir.resolve("0"));
        var times = new ArrayList<Double>();
        try (S3Client s3 = s3()) {
            for (int k = 1; k <= runs; k++) {
                String body = "step " + k;
                s3.putObject(b -> b.bucket("bench").key("step"), RequestBody.fromString(body));
                long t0 = System.nanoTime();
                TreeSnapshot.share(dir.resolve(String.valueOf(k - 1)), dir.resolve(String.valueOf(k)));
                engine.saveState("restartbench", dir.resolve(String.valueOf(k)));
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        dev.lab.fs.FileTrees.delete(dir);
        return times;
    }

    private static S3Client s3() {
        return S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + PORT)).forcePathStyle(true)
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    private static void fill(int size) throws Exception {
        try (S3Client s3 = s3()) {
            s3.createBucket(b -> b.bucket("bench"));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                var puts = new ArrayList<Future<?>>();
                for (int i = 0; i < size; i++) {
                    String key = "objects/" + (i % 10) + "/k" + i;
                    puts.add(pool.submit(() -> s3.putObject(b -> b.bucket("bench").key(key), RequestBody.fromString("v"))));
                }
                for (Future<?> f : puts) f.get();
            } finally {
                pool.shutdown();
            }
        }
    }

    private static void check(int size) {
        try (S3Client s3 = s3()) {
            int n = 0;
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket("bench"))) n += page.keyCount();
            if (n != size) throw new IllegalStateException("expected " + size + " objects after the restart, found " + n);
        }
    }

    private static Project project(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  localstack:\n"
                + "    image: localstack/localstack:4.14.0\n    container_name: lab-restart-bench\n"
                + "    ports:\n      - \"127.0.0.1:" + PORT + ":4566\"\n"
                + "    environment:\n      - PERSISTENCE=1\n"
                + "    volumes:\n      - ./localstack_data:/var/lib/localstack\n");
        return new Project("restartbench", dir, ComposeParser.parse(file));
    }

    private static double median(List<Double> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
