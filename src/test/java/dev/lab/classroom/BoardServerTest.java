package dev.lab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board over loopback HTTP: auth, refusals, idempotency, the stuck flag, restart. */
class BoardServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir Path dir;
    BoardServer board;

    @BeforeEach
    void start() throws Exception { board = BoardServer.start(dir.resolve("board.db"), "127.0.0.1", 0, 60 * 60_000); }

    @AfterEach
    void stop() throws Exception { if (board != null) board.close(); }

    HttpResponse<String> post(String path, Object body, String token) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + board.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (token != null) req.header("Authorization", "Bearer " + token);
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + board.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String code() { return board.joinUrl().substring(board.joinUrl().lastIndexOf('/') + 1); }

    String instructor() { return board.instructorUrl().substring(board.instructorUrl().indexOf("token=") + 6); }

    String join(String name) throws Exception {
        var r = post("/api/join", Map.of("code", code(), "name", name), null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("token").asText();
    }

    static Event check(String text, boolean passed) {
        return new Event(UUID.randomUUID().toString(), System.currentTimeMillis(), "persistence", "start", 1, "check", null, text, passed, null);
    }

    static Event entered(String step, int n) {
        return new Event(UUID.randomUUID().toString(), System.currentTimeMillis(), "persistence", step, n, "step", 19, null, null, null);
    }

    JsonNode snapshot() throws Exception {
        var r = get("/api/board?token=" + instructor());
        assertEquals(200, r.statusCode());
        return JSON.readTree(r.body());
    }

    @Test
    void wrongCodeAndWrongTokensAre401() throws Exception {
        assertEquals(401, post("/api/join", Map.of("code", "nope-nope", "name", "Eve"), null).statusCode());
        assertEquals(401, post("/api/events", Map.of("events", List.of(entered("start", 1))), "not-a-token").statusCode());
        assertEquals(401, post("/api/events", Map.of("events", List.of(entered("start", 1))), null).statusCode());
        var page = get("/board?token=wrong");
        assertEquals(401, page.statusCode());
        assertFalse(page.body().contains("<html"));
        assertEquals(401, get("/api/export?format=csv&token=" + code()).statusCode(), "the class code is not the instructor token");
        assertEquals(200, get("/board?token=" + instructor()).statusCode());
    }

    @Test
    void malformedOversizedAndFloodingClientsGet4xxAndTheBoardGoesOn() throws Exception {
        String token = join("Mina");
        assertEquals(400, post("/api/events", "{not json", token).statusCode());
        assertEquals(400, post("/api/events", Map.of("events", "x"), token).statusCode());
        assertEquals(400, post("/api/events", Map.of("events", List.of(Map.of("id", "short", "kind", "step"))), token).statusCode());
        assertEquals(400, post("/api/join", Map.of("code", code(), "name", "a\u0007b"), null).statusCode());
        assertEquals(413, post("/api/events", "{\"events\":[\"" + "x".repeat(BoardServer.MAX_BODY) + "\"]}", token).statusCode());
        var flood = new java.util.ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 100; i++) {
            flood.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + board.port() + "/api/events"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("events", List.of(entered("start", 1)))))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long refused = flood.stream().filter(f -> f.join().statusCode() == 429).count();
        assertTrue(refused > 0, "a flood is refused with 429");
        assertEquals(1, snapshot().path("learners").size());
    }

    @Test
    void aResendIsStoredOnceAndEventsCountOnlyForTheTokensLearner() throws Exception {
        String mina = join("Mina");
        join("Jun");
        Event e = entered("upload", 2);
        assertEquals("{\"stored\":1}", post("/api/events", Map.of("events", List.of(e)), mina).body());
        assertEquals("{\"stored\":0}", post("/api/events", Map.of("events", List.of(e)), mina).body());
        var learners = snapshot().path("learners");
        assertEquals(1, snapshot().path("events").asInt());
        assertEquals(2, learners.get(0).path("stepNumber").asInt());
        assertEquals(0, learners.get(1).path("stepNumber").asInt(), "Jun's row is untouched by Mina's token");
    }

    @Test
    void theSameCheckFailingThreeTimesIsStuckAndTopsTheFailingChecks() throws Exception {
        String token = join("Mina");
        post("/api/events", Map.of("events", List.of(entered("start", 1), check("bucket exists", false), check("bucket exists", false))), token);
        assertFalse(snapshot().path("learners").get(0).path("stuck").asBoolean(), "two failures are not stuck yet");
        post("/api/events", Map.of("events", List.of(check("bucket exists", false))), token);
        JsonNode b = snapshot();
        assertTrue(b.path("learners").get(0).path("stuck").asBoolean());
        assertEquals("bucket exists", b.path("learners").get(0).path("failing").get(0).asText());
        assertEquals("bucket exists", b.path("failingChecks").get(0).path("check").asText());
        assertEquals(3, b.path("failingChecks").get(0).path("failures").asInt());
        post("/api/events", Map.of("events", List.of(check("bucket exists", true))), token);
        assertFalse(snapshot().path("learners").get(0).path("stuck").asBoolean(), "a pass ends the streak");
    }

    @Test
    void aRestartedBoardHasEveryEventTheSameUrlsAndStillKnowsTheLearner() throws Exception {
        String token = join("Mina");
        post("/api/events", Map.of("events", List.of(entered("start", 1), check("bucket exists", false))), token);
        String join = board.joinUrl();
        String before = JSON.writeValueAsString(snapshot().path("learners"));
        board.close();
        board = BoardServer.start(dir.resolve("board.db"), "127.0.0.1", 0, 60 * 60_000);
        assertEquals(join.replaceAll(":\\d+/", ""), board.joinUrl().replaceAll(":\\d+/", ""));
        assertEquals(before.replaceAll("\"lastActivity\":\\d+", ""), JSON.writeValueAsString(snapshot().path("learners")).replaceAll("\"lastActivity\":\\d+", ""));
        assertEquals(200, post("/api/events", Map.of("events", List.of(entered("upload", 2))), token).statusCode());
    }

    @Test
    void theExportHasARowPerLearnerWithFormulasDefused() throws Exception {
        String token = join("=HYPERLINK(\"x\")");
        post("/api/events", Map.of("events", List.of(entered("start", 1))), token);
        String csv = get("/api/export?format=csv&token=" + instructor()).body();
        assertEquals(2, csv.lines().count(), csv);
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("\"'=HYPERLINK(\"\"x\"\")\",persistence,1,start,"), csv);
        JsonNode json = JSON.readTree(get("/api/export?format=json&token=" + instructor()).body());
        assertEquals("step", json.path("events").get(0).path("kind").asText());
        assertEquals(400, get("/api/export?format=xml&token=" + instructor()).statusCode());
    }
}
