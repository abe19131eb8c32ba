package dev.lab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exercises in the REPL: `run` shows the task, `check` proves the learner's work, `solve` is recorded as solved, `watch` moves on. */
class ExerciseReplTest {
    static final String LAB = "---\nlab: slow\ntitle: Exercises\n---\n"
            + "## 1. Make {#make kind=exercise}\n\n```bash {run}\nmkdir done\n```\n\n```check\npath done exists\n```\n\n"
            + "```hint\nfirst-hint\n```\n\n```hint\nsecond-hint\n```\n\n```bash {solve}\nmkdir done\n```\n\n"
            + "## 2. Second {#second kind=exercise}\n\n```check\npath second exists\n```\n\n```bash {solve}\nmkdir second\n```\n\n"
            + "## 3. Three {#three}\n\n```bash {run}\necho step-three\n```\n\n```check\noutput contains \"step-three\"\n```\n";

    @TempDir Path tmp;

    @Test
    void runShowsTheTaskAndChangesNothingThenCheckPassesOnceTheLearnerDidIt() throws Exception {
        try (var repl = new ReplDriver(tmp, LAB, "en", Map.of())) {
            repl.waitFor("Type `help`");
            List<String> before = listing(repl.workspace);
            repl.type("run\n");
            repl.waitFor("Edit files with `edit`");
            assertTrue(repl.text().contains("Step 1 is an exercise") && repl.text().contains("mkdir done"), "the task and its suggestion: " + repl.text());
            assertEquals(before, listing(repl.workspace), "run on an exercise does not do it");
            repl.type("check\n");
            repl.waitFor("Some checks do not hold");
            assertFalse(Files.exists(repl.progressFile) && repl.progress().contains("passed=make"), "a failed check passes nothing");
            Files.createDirectory(repl.workspace.resolve("done"));
            repl.type("check\n");
            repl.waitFor("All checks hold");
            repl.type("hint\nhint\nhint\n");
            repl.waitFor("hint 2/2", 2);
            assertTrue(repl.text().contains("hint 1/2") && repl.text().indexOf("first-hint") < repl.text().indexOf("second-hint"), repl.text());
            assertEquals(0, repl.quit());
            assertTrue(repl.progress().contains("passed=make"), repl.progress());
        }
    }

    @Test
    void solveIsRecordedAsSolvedAndStepsShowsIt() throws Exception {
        try (var repl = new ReplDriver(tmp, LAB, "en", Map.of())) {
            repl.type("next\nsolve\n");
            repl.waitFor("recorded as solved");
            assertTrue(Files.isDirectory(repl.workspace.resolve("second")), "solve did it");
            repl.type("check\nsteps\n");
            repl.waitFor("◐ solved");
            String table = repl.text().substring(repl.text().lastIndexOf("#"));
            assertTrue(table.lines().anyMatch(l -> l.contains("▶") && l.contains("second")), "the current step: " + table);
            repl.type("prev\nsteps\n");
            repl.waitFor("◐ solved", 2);
            String again = repl.text().substring(repl.text().lastIndexOf("▶ current") - 600);
            assertTrue(again.lines().anyMatch(l -> l.contains("◐") && l.contains("second") && l.contains("[exercise]")), again);
            assertEquals(0, repl.quit());
            assertTrue(repl.progress().contains("solved=second") && !repl.progress().contains("passed=second"),
                    "a check after solve keeps it solved: " + repl.progress());
        }
    }

    @Test
    void watchPassesTheStepWhenTheFileAppearsMovesOnAndEnterLeaves() throws Exception {
        try (var repl = new ReplDriver(tmp, LAB, "en", Map.of())) {
            repl.type("watch\n");
            repl.waitFor("Watching the workspace");
            repl.waitFor("✗");
            long start = System.nanoTime();
            Files.createDirectory(repl.workspace.resolve("done"));
            repl.waitFor("step 1 passed");
            repl.waitFor("2. Second");
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "within a few seconds");
            Files.createDirectory(repl.workspace.resolve("second"));
            repl.waitFor("step 2 passed");
            repl.waitFor("3. Three");
            repl.type("\n");
            repl.waitFor("Stopped watching.");
            assertEquals(0, repl.quit());
            assertTrue(repl.progress().contains("passed=make,second") && repl.progress().contains("step=three"), repl.progress());
        }
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + " " + p.toFile().lastModified()).sorted().toList();
        }
    }
}
