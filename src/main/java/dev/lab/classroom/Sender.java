package dev.lab.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sends the {@link Outbox} to the board on a daemon thread: joins first (once per queue; the token is
 * kept), then posts the oldest events in batches; a failure waits 0.5 s, doubling up to 30 s, and the
 * events stay queued. Nothing here ever blocks the learner's thread.
 */
final class Sender implements Runnable {
    static final int BATCH = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Outbox outbox;
    private final ClassUrl url;
    private final String name;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Object wake = new Object();
    private volatile boolean stopping;
    private volatile String lastProblem;

    Sender(Outbox outbox, ClassUrl url, String name) {
        this.outbox = outbox;
        this.url = url;
        this.name = name;
    }

    /** Something new is queued. */
    void poke() {
        synchronized (wake) { wake.notifyAll(); }
    }

    void stop() {
        stopping = true;
        poke();
    }

    /** Why the last attempt failed, or null. */
    String lastProblem() { return lastProblem; }

    @Override
    public void run() {
        long backoff = 500;
        while (!stopping) {
            try {
                if (sendOnce()) {
                    backoff = 500;
                    continue;
                }
                lastProblem = null;
                pause(5_000);
            } catch (Exception e) {
                lastProblem = e.getMessage();
                pause(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    /** Sends one batch; true when it sent something (there may be more). */
    boolean sendOnce() throws Exception {
        List<Event> batch = outbox.peek(BATCH);
        if (batch.isEmpty()) return false;
        String token = outbox.meta("token").filter(t -> !t.isEmpty()).orElse(null);
        if (token == null) token = join();
        var res = post("/api/events", JSON.writeValueAsString(Map.of("events", batch)), token);
        if (res.statusCode() == 401) {
            outbox.meta("token", "");
            throw new IllegalStateException("the board no longer knows this learner; joining again");
        }
        if (res.statusCode() / 100 == 4 && res.statusCode() != 429) {
            // The board refuses these for good (malformed): keeping them would block every later event.
            outbox.acknowledge(batch);
            throw new IllegalStateException("the board refused events: " + res.body());
        }
        if (res.statusCode() != 200) throw new IllegalStateException("board answered " + res.statusCode());
        outbox.acknowledge(batch);
        return true;
    }

    private String join() throws Exception {
        var res = post("/api/join", JSON.writeValueAsString(Map.of("code", url.secret(), "name", name)), null);
        if (res.statusCode() != 200) throw new IllegalStateException("joining the class: board answered " + res.statusCode() + " " + res.body());
        JsonNode body = JSON.readTree(res.body());
        String token = body.path("token").asText();
        outbox.meta("token", token);
        outbox.meta("learner", body.path("learner").asText());
        return token;
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        var req = HttpRequest.newBuilder(url.base().resolve(path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null && !token.isEmpty()) req.header("Authorization", "Bearer " + token);
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void pause(long millis) {
        synchronized (wake) {
            try {
                wake.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }
}
