package dev.lab.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one probe that decides whether hooks run confined, and the reasons it gives when not. */
class SandboxTest {
    @TempDir Path tmp;

    @Test
    void labSandboxOffSkipsTheProbe() {
        var s = Sandbox.probe(Map.of("LAB_SANDBOX", "off", "PATH", System.getenv("PATH")));
        assertFalse(s.available());
        assertEquals("LAB_SANDBOX=off", s.unavailableReason());
    }

    @Test
    void noBwrapOnThePath() {
        var s = Sandbox.probe(Map.of("PATH", tmp.toString()));
        assertEquals("bwrap not found; install the bubblewrap package", s.unavailableReason());
    }

    @Test
    void aBwrapThatCannotStartASandboxIsNamedWithItsFirstLine() throws Exception {
        Path fake = Files.writeString(tmp.resolve("bwrap"), "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n");
        Files.setAttribute(fake, "unix:mode", 0755);
        var s = Sandbox.probe(Map.of("PATH", tmp.toString()));
        assertEquals("bwrap cannot start a sandbox here (exit 1: bwrap: No permissions to create new namespace)", s.unavailableReason());
    }

    @Test
    void theRealBwrapHereStartsOne() {
        var s = Sandbox.probe(System.getenv());
        assertTrue(s.available(), String.valueOf(s.unavailableReason()));
        assertTrue(s.firstUnconfinedRun() && !s.firstUnconfinedRun(), "the notice is said once");
    }
}
