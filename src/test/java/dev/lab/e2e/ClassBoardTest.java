package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class board end to end: a board, a learner stuck at a failing check in the REPL, a learner who
 * runs the whole lab, a kill -9 of the board and a restart, then a headless Chromium reading the page.
 */
class ClassBoardTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir Path dir;

    record Board(Process process, String join, String instructor) {}

    Board serve(Path db, int port) throws Exception {
        Process p = Child.start(dir.resolve("board-home"), "class", "serve", "--port", String.valueOf(port),
                "--stuck-minutes", "0.001", "--db", db.toString());
        var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String join = null;
        String instructor = null;
        var seen = new StringBuilder();
        for (String line; instructor == null && (line = in.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher j = Pattern.compile("--class (http://\\S+/join/\\S+)").matcher(line);
            if (j.find()) join = j.group(1);
            if (line.strip().matches("http://\\S+/board\\?token=\\w+")) instructor = line.strip();
        }
        assertTrue(join != null && instructor != null, seen.toString());
        assertTrue(seen.toString().contains("no command text, output, files or environment"), seen.toString());
        Thread t = new Thread(() -> { try { in.transferTo(java.io.Writer.nullWriter()); } catch (Exception ignored) { } });
        t.setDaemon(true);
        t.start();
        return new Board(p, join, instructor);
    }

    JsonNode snapshot(Board b) throws Exception {
        String token = b.instructor().substring(b.instructor().indexOf("token=") + 6);
        var r = http.send(HttpRequest.newBuilder(URI.create(b.instructor().replace("/board?", "/api/board?"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), token);
        return JSON.readTree(r.body());
    }

    static String html(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }

    @Test
    void theInstructorPageShowsBothLearnersTheStuckOneAndTheFailingCheckAfterAKill9() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "needs Debian's chromium (scripts/test.sh installs it)");
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path db = dir.resolve("board.db");
        Board board = serve(db, port);
        try {
            var stuck = Child.run(dir.resolve("bo"), "check\ncheck\ncheck\nquit\n", "start", "persistence", "--lang", "en",
                    "--class", board.join(), "--name", "Bo <b>");
            assertTrue(stuck.out().contains("joined as Bo <b>") && stuck.out().contains("No command text"), stuck.out());
            var passing = Child.run(dir.resolve("ana"), Map.of("LAB_NAME", "Ana"), "", "run", "persistence", "--quiet", "--class", board.join());
            assertEquals(0, passing.exitCode(), passing.out());

            long events = snapshot(board).path("events").asLong();
            assertTrue(events > 40, "both learners' events reached the board: " + events);
            board.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);   // SIGKILL: no shutdown of any kind
            board = serve(db, port);
            JsonNode after = snapshot(board);
            assertEquals(events, after.path("events").asLong(), "a board killed with -9 keeps every event it acknowledged");

            var wrong = http.send(HttpRequest.newBuilder(URI.create(board.instructor().replaceAll("token=\\w+", "token=wrong"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, wrong.statusCode());
            assertFalse(wrong.body().contains("<html"), "no page for a wrong token");

            String failing = after.path("failingChecks").get(0).path("check").asText();
            assertFalse(failing.isEmpty(), after.toString());
            String dom = chromium(board.instructor());
            Matcher rows = Pattern.compile("(?s)<tr( class=\"stuck\")?><td>([^<]*)</td>.*?</tr>").matcher(dom.substring(dom.indexOf("id=\"learners\""), dom.indexOf("id=\"steps\"")));
            var stuckRows = new java.util.HashMap<String, Boolean>();
            var rowHtml = new java.util.HashMap<String, String>();
            while (rows.find()) {
                stuckRows.put(rows.group(2), rows.group(1) != null);
                rowHtml.put(rows.group(2), rows.group());
            }
            assertEquals(Map.of("Bo &lt;b&gt;", true, "Ana", false), stuckRows, dom);
            assertTrue(rowHtml.get("Bo &lt;b&gt;").contains("1/19 start") && rowHtml.get("Bo &lt;b&gt;").contains("STUCK")
                    && rowHtml.get("Bo &lt;b&gt;").contains(html(failing)), rowHtml.get("Bo &lt;b&gt;"));
            assertTrue(rowHtml.get("Ana").contains("19/19 healthcheck") && rowHtml.get("Ana").contains("<td>11</td><td>8</td><td>0</td>"),
                    rowHtml.get("Ana"));
            assertTrue(dom.substring(dom.indexOf("id=\"failing\"")).contains("<td>" + html(failing) + "</td><td>3</td>"), dom);
        } finally {
            board.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    String chromium(String url) throws Exception {
        var p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + dir.resolve("chromium"),
                "--timeout=5000", "--dump-dom", url).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(dom.contains("Class board"), dom);
        return dom;
    }
}
