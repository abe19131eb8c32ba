package dev.lab.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lab.http.PlainHttp;
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
        if (res.status() == 401) {
            outbox.meta("token", "");
            throw new IllegalStateException("the board no longer knows this learner; joining again");
        }
        if (res.status() / 100 == 4 && res.status() != 429) {
            // The board refuses these for good (malformed): keeping them would block every later event.
            outbox.acknowledge(batch);
            throw new IllegalStateException("the board refused events: " + res.body());
        }
        if (res.status() != 200) throw new IllegalStateException("board answered " + res.status());
        outbox.acknowledge(batch);
        return true;
    }

    private String join() throws Exception {
        var res = post("/api/join", JSON.writeValueAsString(Map.of("code", url.secret(), "name", name)), null);
        if (res.status() != 200) throw new IllegalStateException("joining the class: board answered " + res.status() + " " + res.body());
        JsonNode body = JSON.readTree(res.body());
        String token = body.path("token").asText();
        outbox.meta("token", token);
        outbox.meta("learner", body.path("learner").asText());
        return token;
    }

    // PlainHttp, not the JDK's HttpClient: its selector thread would hold the learner's lab back at exit.
    private PlainHttp.Response post(String path, String body, String token) throws Exception {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        if (token != null && !token.isEmpty()) headers.put("Authorization", "Bearer " + token);
        return PlainHttp.send("POST", url.base().resolve(path), headers, body, Duration.ofSeconds(3), Duration.ofSeconds(5));
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
