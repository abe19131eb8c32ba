package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt state: one line naming the file and what to do, exit 2 (or, for the history, moved aside with a warning). */
class CorruptStateTest {
    @TempDir Path home;

    @Test
    void aCorruptProgressFileStopsStartWithOneLineNamingIt() throws Exception {
        Path file = Files.createDirectories(home.resolve("state/progress")).resolve("persistence.properties");
        for (byte[] content : new byte[][] {{(byte) 0xff, 0, 1, 2, (byte) 0xfe}, "garbage\u0000\n".getBytes(), "step=nope\npassed=\n".getBytes()}) {
            Files.write(file, content);
            var r = Child.run(home, "quit\n", "start", "persistence");
            assertEquals(2, r.exitCode(), r.out());
            assertEquals(1, r.out().strip().lines().count(), r.out());
            assertTrue(r.out().startsWith("lab: " + file + ": not a progress file lab wrote"), r.out());
            assertTrue(r.out().contains("delete it to start the lab over"), r.out());
            assertArrayEquals(content, Files.readAllBytes(file), "the file is left for the learner to look at");
        }
    }

    @Test
    void aBinaryHistoryFileIsMovedAsideWithAWarningAndTheReplCarriesOn() throws Exception {
        Path history = Files.createDirectories(home.resolve("state")).resolve("history");
        byte[] binary = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 0x10, (byte) 0x80, '\n'};
        Files.write(history, binary);
        var r = Child.run(home, "steps\nquit\n", "start", "persistence", "--lang", "en");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("the history file " + history + " was binary; moved it to " + history + ".corrupt"), r.out());
        assertTrue(r.out().contains("Your progress is saved"), r.out());
        assertArrayEquals(binary, Files.readAllBytes(Path.of(history + ".corrupt")));
        assertTrue(Files.readString(history).matches("(\\d+:.*\n)+"), "a fresh history: " + Files.readString(history));
    }

    @Test
    void aGarbledStartupRecordIsOneLineAndExit2ForEngineServe() throws Exception {
        Path state = Files.createDirectories(home.resolve("ls-data/state"));
        Files.writeString(state.resolve("startup_info.json"), "{\"garbled\": ");
        // A server that starts anyway never ends: wait with a limit rather than for its output.
        Process p = Child.start(home, "engine", "serve", "--port", "0", "--data", home.resolve("ls-data").toString());
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly().waitFor();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended, "engine serve stopped at the garbled file: " + out);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("lab: " + state.resolve("startup_info.json") + ": LocalStack cannot read its start-up record"), out);
        assertEquals(1, out.strip().lines().count(), out);
    }
}
