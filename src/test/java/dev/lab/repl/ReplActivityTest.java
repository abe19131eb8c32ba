package dev.lab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.check.CheckResult;
import dev.lab.lab.Step;
import dev.lab.session.Activity;
import dev.lab.session.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the REPL tells the class board: shell lines counted, hints, checks; a watch only on a change of outcome. */
class ReplActivityTest {
    @TempDir Path tmp;

    static final class Recorder implements Activity {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override public void entered(Step step, int stepCount) { seen.add("step " + step.id()); }
        @Override public void commands(Step step, int count) { seen.add("commands " + count); }
        @Override public void checked(Step step, List<CheckResult> results) { results.forEach(r -> seen.add("check " + r.passed())); }
        @Override public void result(Step step, StepResult.Status status) { seen.add("result " + status.word()); }
        @Override public void hint(Step step) { seen.add("hint"); }
    }

    @Test
    void aWatchReportsOnlyChangesOfOutcomeAndShellLinesAreCountedNotSent() throws Exception {
        try (var repl = new ReplDriver(tmp, ExerciseReplTest.LAB, "en", Map.of())) {
            repl.waitFor("Type `help`");
            var rec = new Recorder();
            repl.session.activity(rec);
            repl.type("echo secret-text\nhint\ncheck\n");
            repl.waitFor("Some checks do not hold");
            assertEquals(List.of("commands 1", "hint", "check false", "result failed"), rec.seen);
            rec.seen.clear();
            repl.type("watch\n");
            repl.waitFor("Watching the workspace");
            repl.waitFor("✗", 3);   // the check above printed two
            for (int i = 0; i < 5; i++) {   // saving an unrelated file again and again changes no outcome
                Files.writeString(repl.workspace.resolve("notes.txt"), "draft " + i);
                Thread.sleep(Watch.DEBOUNCE_MS + 200);
            }
            Files.createDirectory(repl.workspace.resolve("done"));
            repl.waitFor("step 1 passed");
            repl.waitFor("2. Second");
            repl.type("\n");
            repl.waitFor("Stopped watching.");
            assertEquals(0, repl.quit());
            assertEquals(List.of("check false", "result failed", "check true", "result passed", "step second"),
                    rec.seen.subList(0, Math.min(5, rec.seen.size())), rec.seen + repl.text());
            assertTrue(rec.seen.stream().noneMatch(s -> s.contains("secret")), rec.seen.toString());
        }
    }
}
