package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `variant no-volume`, `quit`, `lab start`: the workspace's file says no-volume, and step 1 installs its own variant again. */
class VariantResumeTest {
    @TempDir Path home;

    @Test
    void stepOneRunsOnItsOwnVariantAfterAnotherWasChosenLastTime() throws Exception {
        var first = Child.run(home, "variant no-volume\nquit\n", "start", "persistence");
        assertEquals(0, first.exitCode(), first.out());
        // Step 1 is an exercise: `run` only says which variant it starts from; `solve` installs it and does the step.
        var again = Child.run(home, "variant\nrun\nsolve\nquit\n", "start", "persistence");
        assertEquals(0, again.exitCode(), again.out());
        assertTrue(again.out().contains("▶ no-volume"), "the file in the workspace is no-volume: " + again.out());
        assertTrue(again.out().contains("docker-compose.yml ← bind-mount"), "step 1 installed bind-mount: " + again.out());
        assertTrue(again.out().contains("`variant bind-mount`"), "run names the variant the exercise starts from: " + again.out());
        assertTrue(again.out().contains("◐ 정답을 실행했고 확인을 모두 통과했습니다"), "step 1's checks (a bind mount) hold: " + again.out());
    }
}
