package dev.lab.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.source.StateFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A progress file lab did not write is an error naming it, never a silent start at step 1. */
class ProgressTest {
    private static final List<String> STEPS = List.of("start", "upload");
    @TempDir Path tmp;

    @Test
    void whatItSavesItLoads() {
        Path file = tmp.resolve("p.properties");
        var p = Progress.load(file, STEPS);
        p.markPassed("start");
        p.at("upload");
        var again = Progress.load(file, STEPS);
        assertEquals("upload", again.step().orElseThrow());
        assertTrue(again.passed("start"));
    }

    @Test
    void aSolvedStepIsRecordedAsSolvedNotPassedUntilItIsReset() throws Exception {
        Path file = tmp.resolve("p.properties");
        var p = Progress.load(file, STEPS);
        p.markSolved("upload");
        p.markPassed("upload");
        p.markPassed("start");
        var again = Progress.load(file, STEPS);
        assertTrue(again.solved("upload") && !again.passed("upload"), "checks that hold after solve do not make it passed");
        assertTrue(again.passed("start") && !again.solved("start"));
        again.forget("upload");
        again.markPassed("upload");
        var third = Progress.load(file, STEPS);
        assertTrue(third.passed("upload") && !third.solved("upload"), "after a reset the learner's own work passes it");
        Files.writeString(file, "step=start\npassed=start\n");
        assertTrue(!Progress.load(file, STEPS).solved("start"), "a file from before exercises has no 'solved' entry and loads");
    }

    @Test
    void binaryGarbledAndForeignFilesNameTheFileAndWhatToDo() throws Exception {
        Path file = tmp.resolve("p.properties");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3});
        assertProblem(file, "binary");
        Files.writeString(file, "PK\u0003\u0004 some zip text\nstep=start\n");
        assertProblem(file, "garbled");
        Files.writeString(file, "step=no-such-step\npassed=\n");
        assertProblem(file, "step 'no-such-step' is not a step of this lab");
        Files.writeString(file, "step=start\npassed=start,gone\n");
        assertProblem(file, "step 'gone' is not a step of this lab");
        Files.writeString(file, "step=start\npassed=start\nsolved=gone\n");
        assertProblem(file, "step 'gone' is not a step of this lab");
        Files.writeString(file, "step=start\npassed=start\nsolved=start\n");
        assertProblem(file, "step 'start' is both passed and solved");
    }

    private static void assertProblem(Path file, String why) {
        var e = assertThrows(StateFileException.class, () -> Progress.load(file, STEPS));
        assertTrue(e.getMessage().startsWith(file + ": not a progress file lab wrote"), e.getMessage());
        assertTrue(e.getMessage().contains(why) && e.getMessage().contains("delete it"), e.getMessage());
    }
}
