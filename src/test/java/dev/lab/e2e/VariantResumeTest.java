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
        var again = Child.run(home, "variant\nrun\nquit\n", "start", "persistence");
        assertEquals(0, again.exitCode(), again.out());
        assertTrue(again.out().contains("▶ no-volume"), "the file in the workspace is no-volume: " + again.out());
        assertTrue(again.out().contains("docker-compose.yml ← bind-mount"), "step 1 installed bind-mount: " + again.out());
        assertTrue(again.out().contains("✓ 모든 확인 통과"), "step 1's checks (a bind mount) hold: " + again.out());
    }
}
