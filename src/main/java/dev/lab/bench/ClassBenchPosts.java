package dev.lab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The learners' posts of {@link ClassBench}: one event per post, resent until the board answers 200 as the learner's
 * sender does, with each answer's latency and, every 50 acknowledged events, when that count was reached.
 */
final class ClassBenchPosts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final CountDownLatch done;
    final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    /** {answer time, events acknowledged so far}. */
    final ConcurrentLinkedQueue<long[]> acked = new ConcurrentLinkedQueue<>();
    final AtomicLong resent = new AtomicLong();
    private final AtomicLong ackedCount = new AtomicLong();

    ClassBenchPosts(HttpClient http, URI base, int posts) {
        this.http = http;
        this.base = base;
        this.done = new CountDownLatch(posts);
    }

    /** Whether every post was answered (or gave up) within {@code seconds}. */
    boolean await(long seconds) throws InterruptedException {
        return done.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    void send(String token, int step) {
        String event;
        try {
            event = JSON.writeValueAsString(Map.of("events", List.of(Map.of("id", UUID.randomUUID().toString(), "at", System.currentTimeMillis(),
                    "lab", "persistence", "step", "s" + step, "stepNumber", step, "kind", "commands", "count", 1))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            long t0 = System.nanoTime();
            try {
                var r = http.send(post(base.resolve("/api/events"), event, token), HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (r.statusCode() == 200) {
                    latencies.add(t1 - t0);
                    long n = ackedCount.incrementAndGet();
                    if (n % 50 == 0) acked.add(new long[] {t1, n});
                    break;
                }
            } catch (Exception e) {
                // resend, as the learner's sender does
            }
            resent.incrementAndGet();
            try {
                Thread.sleep(200L << Math.min(attempt, 5));
            } catch (InterruptedException e) {
                break;
            }
        }
        done.countDown();
    }

    static HttpRequest post(URI uri, String body, String token) {
        var b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b.build();
    }
}
