package dev.lab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After Ctrl-C the work really stops, the REPL says where the lab stands, and progress records exactly that. */
class ReplStopTest {
    @TempDir java.nio.file.Path tmp;

    @Test
    void ctrlCDuringGotoStopsTheReplayAndRecordsTheStepItStoppedIn() throws Exception {
        try (var repl = new ReplDriver(tmp, ReplDriver.SLOW_LAB, "en", Map.of())) {
            repl.type("goto 3\n");
            repl.waitFor("$ sleep 30");
            repl.waitForProcess("sleep 30");
            repl.terminal.raise(Terminal.Signal.INT);
            repl.waitFor("The lab is now at step 1 (wait)");
            repl.waitFor("slow [1/3 wait]> ", 2);
            Thread.sleep(500);
            String text = repl.text();
            assertFalse(text.contains("$ echo after-sleep") || text.contains("$ echo step-two"), "nothing ran after the stop: " + text);
            assertTrue(text.contains("Stopped (Ctrl-C) in step 1 (wait) during `sleep 30`"), text);
            assertTrue(repl.progress().contains("step=wait"), repl.progress());
            assertEquals(0, repl.quit());
        }
    }

    @Test
    void ctrlCDuringResetStepDoesNotClaimTheResetHappened() throws Exception {
        try (var repl = new ReplDriver(tmp, ReplDriver.SLOW_LAB, "en", Map.of())) {
            repl.type("next\nnext\n");
            repl.waitFor("slow [3/3 three]> ");
            repl.type("reset step\n");
            repl.waitFor("$ sleep 30");
            repl.waitForProcess("sleep 30");
            repl.terminal.raise(Terminal.Signal.INT);
            repl.waitFor("The lab is now at step 1 (wait)");
            assertEquals(0, repl.quit());
            String text = repl.text();
            assertFalse(text.contains("Back to the start of step"), text);
            assertTrue(repl.progress().contains("step=wait"), "progress says where the lab stands: " + repl.progress());
        }
    }

    @Test
    void ctrlCDuringRunStopsThereAndTheNextCommandRunsNormally() throws Exception {
        try (var repl = new ReplDriver(tmp, ReplDriver.SLOW_LAB, "en", Map.of())) {
            long start = System.nanoTime();
            repl.type("run\n");
            repl.waitFor("$ sleep 30");
            repl.waitForProcess("sleep 30");
            repl.terminal.raise(Terminal.Signal.INT);
            repl.waitFor("Stopped (Ctrl-C) in step 1 (wait) during `sleep 30`");
            repl.type("next\n");
            repl.waitFor("slow [2/3 two]> ");
            assertEquals(0, repl.quit());
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "the sleep was cut short");
            assertFalse(repl.text().contains("$ echo after-sleep"), repl.text());
            assertTrue(repl.progress().contains("step=two"), repl.progress());
        }
    }

    @Test
    void aBadArgumentIsRejectedBeforeAnythingIsTouched() throws Exception {
        try (var repl = new ReplDriver(tmp, ReplDriver.SLOW_LAB, "en", Map.of())) {
            repl.waitFor("slow [1/3 wait]> ");
            var mine = Files.writeString(repl.workspace.resolve("notes.txt"), "my notes");
            repl.type("reset bogus\ngoto nine\nvariant nope\nrun now\n");
            repl.waitFor("slow [1/3 wait]> ", 5);
            assertEquals(0, repl.quit());
            String text = repl.text();
            assertTrue(Files.exists(mine), "reset <typo> wiped the workspace: " + text);
            assertTrue(text.contains("`reset` takes `step` or `all`, not `bogus`"), text);
            assertTrue(text.contains("no step 'nine'"), text);
            assertTrue(text.contains("`run` takes no argument, not `now`"), text);
            assertFalse(text.contains("$ sleep"), "`run now` ran nothing: " + text);
        }
    }
}
