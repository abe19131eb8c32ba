package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.classroom.BoardServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class commands' bad input: one line, exit 2. */
class ClassCliTest {
    @TempDir Path dir;

    @Test
    void badClassInputEndsWithOneLineAndExit2() throws Exception {
        try (var board = BoardServer.start(dir.resolve("board.db"), "127.0.0.1", 0, 60_000)) {
            var wrong = Child.run(dir, "", "class", "export", board.instructorUrl().replaceAll("token=\\w+", "token=nope"));
            assertEquals(2, wrong.exitCode(), wrong.out());
            assertTrue(wrong.out().contains("refused the instructor token (401)"), wrong.out());
            var csv = Child.run(dir, "", "class", "export", board.instructorUrl(), "--format", "csv");
            assertEquals(0, csv.exitCode(), csv.out());
            assertTrue(csv.out().startsWith("name,lab,stepNumber,step,passed"), csv.out());
            var format = Child.run(dir, "", "class", "export", board.instructorUrl(), "--format", "xml");
            assertEquals(2, format.exitCode());
            assertTrue(format.out().contains("--format must be csv or json"), format.out());
            var noName = Child.run(dir, "", "run", "persistence", "--class", board.joinUrl());
            assertEquals(2, noName.exitCode(), noName.out());
            assertTrue(noName.out().contains("--class needs --name"), noName.out());
            var notJoin = Child.run(dir, "", "run", "persistence", "--class", board.instructorUrl(), "--name", "Mina");
            assertEquals(2, notJoin.exitCode(), notJoin.out());
            assertTrue(notJoin.out().contains("join URL"), notJoin.out());
        }
    }
}
