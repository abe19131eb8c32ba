package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lab demo` in a real pseudo-terminal (tmux): typing, running, going back with a snapshot, a live command, notes. */
class DemoTerminalTest {
    private static final String BUCKET = "curl -s -o /dev/null -w 'bucket=%{http_code}\\n' http://localhost:4566/portal-blog-uploads";

    @TempDir Path home;

    @BeforeEach
    void needsTmux() {
        assertTrue(Tmux.installed(), "tmux is not installed: apt-get install tmux (scripts/test.sh does)");
    }

    @AfterEach
    void stopEngine() throws Exception {
        Child.run(home, "", "engine", "stop");
    }

    @Test
    void keysTypeEnterRunsPBringsBackTheBucketStep7DeletedAndBangRunsALiveCommand() throws Exception {
        try (var t = new Tmux(home, "demo", "persistence", "--lang", "en", "--step", "down-v")) {
            t.await("step 7 and its first command's prompt", 120, s -> s.contains("(7/19 #down-v)") && lastLine(s).equals("$"));
            t.type("xyz");
            t.await("three keys typing three characters", 10, s -> lastLine(s).equals("$ doc"));
            t.type("s");
            t.await("s typing on mid-command", 10, s -> lastLine(s).equals("$ dock"));
            t.keys("Enter");
            t.await("the next command after down -v ran", 30, s -> lastLine(s).equals("$") && s.contains("$ docker compose down -v"));
            live(t, BUCKET, "bucket=000");
            t.keys("Enter");
            t.keys("Enter");
            String checks = t.awaitText("checks held", 30);
            assertTrue(checks.contains("3 of 3 checks held"), checks);

            t.keys("p");
            t.await("step 6 restored", 30, s -> s.contains("#named-volume") && s.matches("(?s).*at step 6 \\([0-9]+ ms\\).*"));
            live(t, BUCKET, "bucket=200");
            t.keys("q");
        }
        List<String> jumps = Files.readAllLines(home.resolve("state/demo/persistence.jumps"));
        assertTrue(jumps.get(0).matches("p 6 [0-9]+ snapshot [0-9]+"), jumps.toString());
    }

    @Test
    void notesInASecondTerminalWaitForTheDemoThenFollowItsStep() throws Exception {
        try (var notes = new Tmux(home, "demo", "persistence", "--lang", "en", "--notes")) {
            notes.awaitText("Waiting for `lab demo persistence`", 60);
            try (var demo = new Tmux(home, "demo", "persistence", "--lang", "en", "--step", "inspect")) {
                demo.await("step 3", 120, s -> s.contains("#inspect") && lastLine(s).equals("$"));
                String shown = notes.awaitText("Step 3/19: 3. Inspect the data", 10);
                assertTrue(shown.contains("Point at: `state/` is empty on Community"), shown);
                assertTrue(shown.contains("$ awslocal s3 ls s3://portal-blog-uploads/"), shown);
                assertTrue(shown.contains("Then: 4. Restart test"), shown);
                demo.keys("n");
                demo.await("step 4", 60, s -> s.contains("#restart") && lastLine(s).equals("$"));
                shown = notes.awaitText("Step 4/19", 10);
                assertTrue(shown.contains("They ask: \"But I had a volume!\""), shown);
                demo.keys("q");
                notes.awaitText("Waiting for `lab demo persistence`", 10);
            }
        }
    }

    /** Runs {@code command} with {@code !} and waits for {@code expected} in its output. */
    private static void live(Tmux t, String command, String expected) throws Exception {
        t.keys("!");
        t.await("the live command's prompt", 10, s -> lastLine(s).equals("!"));
        t.type(command);
        t.keys("Enter");
        t.await("'" + expected + "' from the live command", 30, s -> s.lines().anyMatch(l -> l.equals(expected)));
        t.await("the prompt again", 10, s -> lastLine(s).startsWith("$"));
    }

    private static String lastLine(String screen) {
        var lines = screen.stripTrailing().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
    }
}
