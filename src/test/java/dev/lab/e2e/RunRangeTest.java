package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lab run --from --to`: earlier steps fast-forwarded, only the range reported; `--compact` checks; bad steps are bad input. */
class RunRangeTest {
    @TempDir Path home;

    @AfterEach
    void stopEngine() throws Exception {
        Child.run(home, "", "engine", "stop");
    }

    @Test
    void runsOnlyTheRangeAfterFastForwardingAndPrintsCompactChecks() throws Exception {
        var r = Child.run(home, "", "run", "persistence", "--lang", "en", "--from", "inspect", "--to", "4", "--compact");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("» 1. Start LocalStack and the data folder"), r.out());
        assertTrue(r.out().contains("» 2. Upload a file"), r.out());
        assertTrue(r.out().contains("── 3. Inspect the data (#inspect"), r.out());
        assertTrue(r.out().contains("── 4. Restart test (#restart"), r.out());
        assertFalse(r.out().contains("── 5."), r.out());
        assertTrue(r.out().contains("2/2 steps held"), r.out());
        assertTrue(r.out().matches("(?s).*✓ [0-9]+ of [0-9]+ checks held.*"), r.out());
        assertFalse(r.out().contains("  ✓ "), "no per-check lines in compact mode: " + r.out());
        // The engine host's start notice names a temporary path: it is the host's, not the run's output.
        assertTrue(r.out().lines().filter(l -> !l.startsWith("starting the engine host"))
                .allMatch(l -> dev.lab.term.Width.columns(l) <= 80), r.out());
    }

    @Test
    void anUnknownStepIsBadInputNamingTheLabFile() throws Exception {
        var r = Child.run(home, "", "run", "persistence", "--lang", "en", "--from", "nope");
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains("--from: lab.en.md has no step nope (1-19 or a step id)"), r.out());
        var d = Child.run(home, "", "demo", "persistence", "--lang", "en", "--step", "99");
        assertEquals(2, d.exitCode(), d.out());
        assertTrue(d.out().contains("--step: lab.en.md has no step 99"), d.out());
    }
}
