package dev.lab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL hands every line that is not one of its commands to bash; `!` forces it; `edit` opens the learner's editor. */
class ReplBashTest {
    @TempDir Path tmp;

    @Test
    void unknownWordsAndBangLinesGoToBashAndHelpSaysSo() throws Exception {
        try (var repl = new ReplDriver(tmp, ReplDriver.SLOW_LAB, "en", Map.of())) {
            repl.type("help\necho from-bash $((6*7))\n!steps\nsteps\n");
            repl.waitFor("3. Three │");
            assertEquals(0, repl.quit());
            String text = repl.text();
            assertTrue(text.contains("Any other line runs in bash") && text.contains("edit [file]"), text);
            assertTrue(text.contains("from-bash 42"), text);
            assertTrue(text.contains("steps: command not found") && text.contains("exit 127"), "`!steps` went to bash: " + text);
            assertTrue(text.contains("workspace: " + repl.workspace) && text.contains("your commands run here"), text);
        }
    }

    @Test
    void aHeredocAndALoopTypedOverSeveralLinesRunAsOne() throws Exception {
        try (var repl = new ReplDriver(tmp, ReplDriver.SLOW_LAB, "en", Map.of())) {
            repl.type("x=7\ncat <<EOF\nvalue $x\nEOF\nfor i in 1 2; do\necho n$i\ndone\necho done-$?\n");
            repl.waitFor("done-0");
            assertEquals(0, repl.quit());
            String text = repl.text();
            assertTrue(text.contains("value 7\n") && text.contains("n1\nn2\n"), text);
            assertFalse(text.contains("exit "), "no line failed, none was cut in pieces: " + text);
            assertTrue(Files.readString(tmp.resolve("history")).contains("cat <<EOF"), "the block is in the history");
        }
    }

    @Test
    void ctrlCStopsTheLineAndTheReplGoesOn() throws Exception {
        try (var repl = new ReplDriver(tmp, ReplDriver.SLOW_LAB, "en", Map.of())) {
            repl.type("sleep 30; echo woke-up\n");
            Thread.sleep(1000);
            long start = System.nanoTime();
            repl.terminal.raise(Terminal.Signal.INT);
            repl.waitFor("exit 130");
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "the sleep was cut short");
            repl.type("echo next-line\n");
            repl.waitFor("next-line");
            assertEquals(0, repl.quit());
            assertFalse(repl.text().contains("woke-up"), repl.text());
            assertFalse(repl.text().contains("Stopped"), "the REPL's own Ctrl-C handling stayed out of it: " + repl.text());
        }
    }

    @Test
    void editOpensTheEditorOnAWorkspaceFileAndRefusesOthers() throws Exception {
        Path editor = Files.writeString(tmp.resolve("fake-editor.sh"), "#!/bin/sh\necho \"edited by $0\" >> \"$1\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
        try (var repl = new ReplDriver(tmp, ReplDriver.SLOW_LAB, "en", Map.of(), ReplDriver::dumb, Map.of("EDITOR", "/nonexistent/editor"))) {
            // The shell's own EDITOR wins over the environment the REPL started with, as it would in bash.
            repl.type("mkdir -p notes && cd notes\nexport EDITOR=" + editor + "\nedit today.md\nedit\nedit ../../outside.txt\necho edited-$?\n");
            repl.waitFor("edited-");
            assertEquals(0, repl.quit());
            assertEquals("edited by " + editor + "\n", Files.readString(repl.workspace.resolve("notes/today.md")), "relative to where the shell stands");
            assertTrue(Files.readString(repl.workspace.resolve("docker-compose.yml")).endsWith("edited by " + editor + "\n"), "docker-compose.yml by default");
            assertTrue(repl.text().contains("refusing to touch") && repl.text().contains("outside"), repl.text());
            assertFalse(Files.exists(tmp.resolve("ws/outside.txt")) || Files.exists(tmp.resolve("outside.txt")));
        }
    }
}
