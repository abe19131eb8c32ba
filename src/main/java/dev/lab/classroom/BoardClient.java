package dev.lab.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lab.http.PlainHttp;
import dev.lab.term.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The instructor's side in the terminal: {@code lab class watch} and {@code lab class export}. */
public final class BoardClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ClassUrl url;

    private BoardClient(ClassUrl url) { this.url = url; }

    /** A client of the board at the instructor URL; {@code token} overrides the URL's. */
    public static BoardClient of(String instructorUrl, String token) { return new BoardClient(ClassUrl.instructor(instructorUrl, token)); }

    public JsonNode board() throws Exception { return JSON.readTree(get("/api/board")); }

    /** The export in {@code csv} or {@code json}. */
    public String export(String format) throws Exception { return get("/api/export?format=" + format); }

    private String get(String path) throws Exception {
        PlainHttp.Response res;
        try {
            res = PlainHttp.send("GET", url.base().resolve(path), java.util.Map.of("Authorization", "Bearer " + url.secret()), "",
                    Duration.ofSeconds(5), Duration.ofSeconds(10));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no class board at " + url.base() + ": " + e.getMessage());
        }
        if (res.status() == 401) throw new IllegalArgumentException("the board refused the instructor token (401)");
        if (res.status() != 200) throw new IllegalStateException("the board answered " + res.status() + ": " + res.body().strip());
        return res.body();
    }

    /** The board as text within {@code width} columns: a row per learner, the step bars, the checks failing most. */
    public static String render(JsonNode b, int width) {
        var table = Table.of(List.of("NAME", "LAB", "STEP", "PASS", "SOLVED", "FAIL", "CMDS", "HINTS", "STUCK", "FAILING"));
        for (JsonNode l : b.path("learners")) {
            var failing = new ArrayList<String>();
            l.path("failing").forEach(f -> failing.add(f.asText()));
            table.row(clean(l.path("name").asText()), l.path("lab").asText(),
                    l.path("stepNumber").asInt() + "/" + l.path("stepCount").asInt() + " " + l.path("step").asText(),
                    l.path("passed").asText(), l.path("solved").asText(), l.path("failed").asText(), l.path("commands").asText(),
                    l.path("hints").asText(), l.path("stuck").asBoolean() ? "STUCK" : "", clean(String.join("; ", failing)));
        }
        var out = new StringBuilder();
        table.renderPlain(width).forEach(line -> out.append(line).append('\n'));
        out.append("\nOn or past each step:\n");
        for (JsonNode s : b.path("steps")) {
            out.append(String.format("  %s %2d %s %d%n", s.path("lab").asText(), s.path("number").asInt(),
                    "█".repeat(Math.min(40, s.path("learners").asInt())), s.path("learners").asInt()));
        }
        out.append("\nChecks that fail most:\n");
        for (JsonNode f : b.path("failingChecks")) {
            out.append(String.format("  %3d× (%d learners) %s%n", f.path("failures").asInt(), f.path("learners").asInt(), clean(f.path("check").asText())));
        }
        return out.toString();
    }

    /** A learner's text without control characters: a name must not drive the instructor's terminal. */
    static String clean(String s) { return s.codePoints().filter(c -> !Character.isISOControl(c)).collect(StringBuilder::new,
            StringBuilder::appendCodePoint, StringBuilder::append).toString(); }
}
