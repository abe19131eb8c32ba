package dev.lab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Issue #10's load, run by {@code bench/class.sh} against a board in another process: N learners
 * join, then each posts one event a second for S seconds (spread over the second), resending until
 * the board answers 200 as the learner's sender does. Meanwhile an instructor page's stream is read.
 * Prints events lost (posted minus what the board counts), p50/p99/max post latency, and how long
 * after a post's answer the stream first showed it (p99, max). Usage: {@code ClassBench JOIN_URL INSTRUCTOR_URL N S}.
 */
public final class ClassBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassBench() {}

    public static void main(String[] args) throws Exception {
        String join = args[0];
        String instructor = args[1];
        int learners = Integer.parseInt(args[2]);
        int seconds = Math.min(600, Integer.parseInt(args[3]));
        URI base = URI.create(join.substring(0, join.indexOf("/join/")));
        String code = join.substring(join.indexOf("/join/") + 6);
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();

        var tokens = new ArrayList<String>();
        for (int i = 0; i < learners; i++) {
            var r = http.send(ClassBenchPosts.post(base.resolve("/api/join"), JSON.writeValueAsString(Map.of("code", code, "name", "learner " + i)), null),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("join " + i + ": " + r.statusCode() + " " + r.body());
            tokens.add(JSON.readTree(r.body()).path("token").asText());
        }

        // The page's view: when the stream first showed at least n events.
        var frames = new ConcurrentLinkedQueue<long[]>();
        var stream = http.send(HttpRequest.newBuilder(URI.create(instructor.replace("/board?", "/api/stream?"))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("data: ")) frames.add(new long[] {System.nanoTime(), JSON.readTree(line.substring(6)).path("events").asLong()});
                }
            } catch (Exception ignored) {
                // the stream ends with the bench
            }
        });
        reader.setDaemon(true);
        reader.start();

        var pool = Executors.newScheduledThreadPool(4);
        var posts = new ClassBenchPosts(http, base, learners * seconds);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        for (int i = 0; i < learners; i++) {
            String token = tokens.get(i);
            long offset = i * 1_000_000_000L / learners;
            for (int s = 0; s < seconds; s++) {
                long at = start + offset + s * 1_000_000_000L;
                int step = s % 19 + 1;
                pool.schedule(() -> posts.send(token, step), at - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        }
        if (!posts.await(seconds + 120L)) System.out.println("WARNING: not every post was answered in time");
        pool.shutdownNow();
        Thread.sleep(1500);
        var board = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(instructor.replace("/board?", "/api/board?"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        long posted = (long) learners * seconds;
        long stored = board.path("events").asLong();
        var lat = new ArrayList<>(posts.latencies);
        Collections.sort(lat);
        var delays = new ArrayList<Long>();
        var frameList = new ArrayList<>(frames);
        for (long[] a : posts.acked) {
            for (long[] f : frameList) {
                if (f[0] >= a[0] - 1 && f[1] >= a[1]) {
                    delays.add(Math.max(0, f[0] - a[0]));
                    break;
                }
            }
        }
        Collections.sort(delays);
        System.out.printf("learners %d × 1 event/s × %d s: %d posted, %d stored, %d lost, %d resent after a refusal or error%n",
                learners, seconds, posted, stored, posted - Math.min(posted, stored), posts.resent.get());
        System.out.printf("post latency ms: p50 %.1f, p99 %.1f, max %.1f%n", ms(pct(lat, 50)), ms(pct(lat, 99)), ms(pct(lat, 100)));
        System.out.printf("page update delay ms (stream frame after the answer; %d of %d samples matched): p50 %.0f, p99 %.0f, max %.0f%n",
                delays.size(), posts.acked.size(), ms(pct(delays, 50)), ms(pct(delays, 99)), ms(pct(delays, 100)));
        System.exit(0);
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1 < 0 ? 0 : (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) { return nanos / 1e6; }
}
