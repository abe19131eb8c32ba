package dev.lab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.check.CheckResult;
import dev.lab.lab.LabLoader;
import dev.lab.lab.Step;
import dev.lab.session.StepResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's side: events queue on disk while the board is away and all arrive, once, when it is back. */
class ClassReporterTest {
    @TempDir Path dir;

    static int freePort() throws Exception {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> learner(BoardServer board) {
        return ((List<Map<String, Object>>) BoardServerTestAccess.snapshot(board).get("learners")).get(0);
    }

    @Test
    void eventsQueuedWhileTheBoardIsDownArriveOnceWhenItIsBack() throws Exception {
        int port = freePort();
        Path db = dir.resolve("board.db");
        String join;
        try (var board = BoardServer.start(db, "127.0.0.1", port, 60_000)) {
            join = board.joinUrl();
        }
        Path state = dir.resolve("state");
        Step step = LabLoader.loadFolder(Path.of("labs/persistence"), "en").steps().get(0);
        var offline = ClassReporter.open(state, join, "Mina", "persistence");
        offline.entered(step, 19);
        offline.entered(step, 19);   // a repeat of the same step is not news
        offline.commands(step, 3);
        offline.checked(step, List.of(new CheckResult("bucket exists", "", "", false, "")));
        offline.hint(step);
        assertEquals(4, offline.queued(), "nothing was lost or sent while the board was down");
        offline.close();

        try (var board = BoardServer.start(db, "127.0.0.1", port, 60_000)) {
            var online = ClassReporter.open(state, join, "Mina", "persistence");
            online.result(step, StepResult.Status.PASSED);
            long end = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < end && BoardServerTestAccess.events(board) < 5) Thread.sleep(100);
            assertEquals(5L, BoardServerTestAccess.events(board));
            var row = learner(board);
            assertEquals("Mina", row.get("name"));
            assertEquals(3, row.get("commands"));
            assertEquals(1, row.get("hints"));
            assertEquals(1L, row.get("passed"));
            while (System.currentTimeMillis() < end && online.queued() != 0) Thread.sleep(50);
            assertEquals(0, online.queued(), "acknowledged events leave the queue");
            online.close();
        }
    }

    @Test
    void aJoinUrlIsRequiredAndANameMustBePrintable() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ClassReporter.open(dir, "http://127.0.0.1:1/board?token=x", "Mina", "persistence"));
        assertTrue(e.getMessage().contains("/join/CODE"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ClassReporter.open(dir, "http://127.0.0.1:1/join/abcd1234", "a\u001b[2Jb", "persistence"));
    }
}
