package dev.lab.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The learners' side of the board: joining with the class code (a learner token in return) and
 * posting events as that learner. Every event is checked before any is stored; floods get 429.
 */
final class LearnerApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BoardStore store;
    private final Board board;
    private final String code;
    private final Guard guard = new Guard();
    private final ConcurrentHashMap<String, String> learnerByHash = new ConcurrentHashMap<>();

    LearnerApi(BoardStore store, Board board, String code) {
        this.store = store;
        this.board = board;
        this.code = code;
    }

    void join(HttpExchange ex) throws Exception {
        if (!guard.allow("join", 100, 1000)) throw new Http.Refusal(429, "too many joins");
        JsonNode body = parse(Http.body(ex, 4096));
        if (!Guard.same(body.path("code").asText(null), code)) throw new Http.Refusal(401, "wrong class code");
        String name = body.path("name").asText("").strip();
        if (name.isEmpty() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) throw new Http.Refusal(400, "bad name");
        if (store.learners().size() >= BoardServer.MAX_LEARNERS) throw new Http.Refusal(429, "class is full");
        String id = BoardStore.secret(8);
        String token = BoardStore.secret(16);
        store.addLearner(new BoardStore.Learner(id, name, Guard.hash(token), System.currentTimeMillis()));
        board.join(id, name);
        Http.send(ex, 200, "application/json", JSON.writeValueAsBytes(java.util.Map.of("learner", id, "token", token)));
    }

    void events(HttpExchange ex) throws Exception {
        String token = Http.token(ex);
        String learner = token == null ? null : learnerOf(Guard.hash(token));
        if (learner == null) throw new Http.Refusal(401, "learner token required");
        if (!guard.allow(learner, 10, 30)) throw new Http.Refusal(429, "too many requests");
        JsonNode body = parse(Http.body(ex, BoardServer.MAX_BODY));
        JsonNode list = body.path("events");
        if (!list.isArray() || list.size() > Sender.BATCH) throw new Http.Refusal(400, "events must be a list of at most " + Sender.BATCH);
        var events = new ArrayList<Event>();
        for (JsonNode n : list) {
            Event e;
            try {
                e = JSON.treeToValue(n, Event.class);
            } catch (Exception x) {
                throw new Http.Refusal(400, "malformed event");
            }
            String problem = e.problem();
            if (problem != null) throw new Http.Refusal(400, problem);
            events.add(e);
        }
        List<Event> fresh = store.add(learner, events, System.currentTimeMillis());
        for (Event e : fresh) board.apply(learner, e);
        Http.send(ex, 200, "application/json", ("{\"stored\":" + fresh.size() + "}").getBytes(StandardCharsets.UTF_8));
    }

    private String learnerOf(String hash) throws Exception {
        String id = learnerByHash.get(hash);
        if (id != null) return id;
        for (var l : store.learners()) learnerByHash.put(l.tokenHash(), l.id());
        return learnerByHash.get(hash);
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) throw new Http.Refusal(400, "expected a JSON object");
            return n;
        } catch (IOException e) {
            throw new Http.Refusal(400, "malformed JSON");
        }
    }

}
