package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lab start` in a real pseudo-terminal (tmux): the prompt, Tab completion, and Ctrl-C during a slow step. */
class ReplTerminalTest {
    private static final Pattern SPINNER = Pattern.compile("[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] running");

    @TempDir Path home;

    @BeforeEach
    void needsTmux() {
        // Not a skip: a test that skips where it matters proves nothing (scripts/test.sh installs tmux).
        assertTrue(Tmux.installed(), "tmux is not installed: apt-get install tmux (scripts/test.sh does)");
    }

    @Test
    void promptAndTabCompletion() throws Exception {
        try (var t = new Tmux(home, "start", "persistence", "--lang", "en")) {
            t.awaitText("persistence [1/19 start]>", 60);
            // "go" alone would also match commands on PATH (go, gold…): bash lines complete too.
            t.type("got");
            t.keys("Tab");
            t.awaitText("persistence [1/19 start]> goto", 10);
            t.keys("C-u");
            t.type("variant ");
            t.keys("Tab");
            String screen = t.await("the variants listed", 10, s -> s.contains("bind-mount") && s.contains("no-volume"));
            assertTrue(screen.contains("named-volume"), screen);
            t.keys("C-u");
            t.type("quit");
            t.keys("Enter");
            t.awaitText("Goodbye!", 20);
        }
    }

    @Test
    void ctrlCStopsASlowStepTheSpinnerAndRecordsWhereTheLabStands() throws Exception {
        Path lab = Files.createDirectories(home.resolve("labs/slow"));
        Files.writeString(lab.resolve("lab.ko.md"), "---\nlab: slow\ntitle: Slow lab\n---\n## 1. Wait {#wait}\n\n"
                + "```bash {run}\nsleep 30\necho after-sleep\n```\n\n```check\noutput contains \"after-sleep\"\n```\n");
        try (var t = new Tmux(home, "start", lab.toString(), "--lang", "en")) {
            t.awaitText("slow [1/1 wait]>", 60);
            t.type("run");
            t.keys("Enter");
            t.await("the spinner", 10, s -> SPINNER.matcher(s).find());
            long start = System.nanoTime();
            t.keys("C-c");
            String stopped = t.await("the prompt after Ctrl-C", 10,
                    s -> s.contains("The lab is now at step 1 (wait)") && s.stripTrailing().endsWith("slow [1/1 wait]>"));
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "the prompt came back quickly");
            assertTrue(stopped.contains("Stopped (Ctrl-C) in step 1 (wait) during `sleep 30`"), stopped);
            Thread.sleep(1000);
            String later = t.screen();
            assertEquals(stopped, later, "nothing moves on the screen after the stop (no spinner, no replay)");
            assertFalse(SPINNER.matcher(later).find(), later);
            assertFalse(later.contains("$ echo after-sleep"), later);
            assertTrue(Files.readString(home.resolve("state/progress/slow.properties")).contains("step=wait"));
            t.type("quit");
            t.keys("Enter");
            t.awaitText("Goodbye!", 20);
        }
    }

    @Test
    void watchOnARealTerminalPassesTheStepWhenTheFolderAppearsAndEnterOrCtrlCLeaves() throws Exception {
        Path lab = Files.createDirectories(home.resolve("labs/ex"));
        Files.writeString(lab.resolve("lab.ko.md"), "---\nlab: ex\ntitle: Exercise lab\n---\n"
                + "## 1. Make {#make kind=exercise}\n\n```check\npath done exists\n```\n\n```bash {solve}\nmkdir done\n```\n\n"
                + "## 2. Next {#next kind=exercise}\n\n```check\npath other exists\n```\n\n```bash {solve}\nmkdir other\n```\n");
        try (var t = new Tmux(home, "start", lab.toString(), "--lang", "en")) {
            t.awaitText("ex [1/2 make]>", 60);
            t.type("watch");
            t.keys("Enter");
            t.awaitText("Watching the workspace", 10);
            Files.createDirectory(home.resolve("data/workspaces/ex/done"));
            t.awaitText("step 1 passed", 10);
            t.awaitText("2. Next", 10);
            t.keys("Enter");
            t.await("the prompt after Enter", 10, s -> s.contains("Stopped watching.") && s.stripTrailing().endsWith("ex [2/2 next]>"));
            t.type("watch");
            t.keys("Enter");
            t.await("watching again", 10, s -> s.split("Watching the workspace", -1).length == 3);
            t.keys("C-c");
            t.await("the prompt after Ctrl-C", 10, s -> s.split("Stopped watching.", -1).length == 3 && s.stripTrailing().endsWith("ex [2/2 next]>"));
            assertTrue(Files.readString(home.resolve("state/progress/ex.properties")).contains("passed=make"));
            t.type("quit");
            t.keys("Enter");
            t.awaitText("Goodbye!", 20);
        }
    }

    @Test
    void shellLinesLoopsHeredocsCtrlCAndFileCompletionInARealTerminal() throws Exception {
        try (var t = new Tmux(home, "start", "persistence", "--lang", "en")) {
            String prompt = "persistence [1/19 start]>";
            t.awaitText(prompt, 60);
            t.type("for i in 1 2 3; do echo n$i; done");
            t.keys("Enter");
            t.await("the loop's output", 10, s -> s.contains("n1\nn2\nn3\n" + prompt));

            t.type("cat <<EOF");
            t.keys("Enter");
            t.await("the continuation prompt", 10, s -> s.stripTrailing().endsWith(">") && !s.stripTrailing().endsWith(prompt));
            t.type("typed in a heredoc");
            t.keys("Enter");
            t.type("EOF");
            t.keys("Enter");
            t.await("the heredoc's output", 10, s -> s.contains("EOF\ntyped in a heredoc\n" + prompt));

            t.type("sleep 30; echo woke-up");
            t.keys("Enter");
            Thread.sleep(1000);
            long start = System.nanoTime();
            t.keys("C-c");
            t.await("the prompt after Ctrl-C", 10, s -> s.contains("exit 130") && s.stripTrailing().endsWith(prompt));
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "the prompt came back quickly");
            t.type("echo next-$?");
            t.keys("Enter");
            String after = t.awaitText("next-130", 10);
            assertFalse(Pattern.compile("(?m)^woke-up$").matcher(after).find(), "the line after the sleep never ran: " + after);
            assertFalse(after.contains("Stopped"), "the REPL's own Ctrl-C handling stayed out of it: " + after);

            // A workspace file, completed relative to the shell's folder.
            t.type("ls -l test-im");
            t.keys("Tab");
            t.awaitText(prompt + " ls -l test-image.jpg", 10);
            t.keys("Enter");
            t.await("ls's output", 10, s -> s.contains("test-image.jpg\n" + prompt));

            // A full-screen program gets the terminal, keys included.
            t.type("export EDITOR=vi");
            t.keys("Enter");
            t.type("edit notes.txt");
            t.keys("Enter");
            t.await("vi", 10, s -> s.contains("notes.txt") && !s.contains(prompt));
            t.type("iwritten in vi");
            t.keys("Escape");
            t.type(":wq");
            t.keys("Enter");
            t.await("the prompt after vi", 10, s -> s.stripTrailing().endsWith(prompt));
            assertEquals("written in vi\n", Files.readString(home.resolve("data/workspaces/persistence/notes.txt")));
            t.type("quit");
            t.keys("Enter");
            t.awaitText("Goodbye!", 20);
        }
    }
}
