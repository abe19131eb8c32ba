package dev.lab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.term.Texts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bash per REPL, in effect: what a line leaves behind, the next line finds. */
class ReplShellTest {
    @TempDir Path tmp;
    private Path workspace;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Terminal terminal;
    private ReplShell shell;

    @BeforeEach
    void open() throws IOException {
        workspace = Files.createDirectories(tmp.resolve("ws"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path docker = Files.writeString(bin.resolve("docker"), "#!/bin/sh\necho \"fake docker: $*\"\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        terminal = new DumbTerminal(InputStream.nullInputStream(), out);
        var screen = new Screen(terminal, Texts.of("en"), Map.of());
        shell = new ReplShell(workspace, tmp.resolve("state/shell"), Map.of("PATH", bin + ":" + System.getenv("PATH"), "LAB_MARK", "from-lab"),
                terminal, screen, ReplShell.Io.CAPTURED);
    }

    @AfterEach
    void close() { shell.close(); }

    private String text() { return out.toString(StandardCharsets.UTF_8); }

    /** Runs a line and returns what it printed. */
    private String line(String line) {
        int from = text().length();
        shell.run(line);
        return text().substring(from);
    }

    @Test
    void cwdVariablesExportsFunctionsAndAliasesCarryOver() throws IOException {
        assertEquals(workspace.toRealPath() + "\n", line("pwd"), "the first line starts in the workspace");
        line("mkdir -p sub && cd sub");
        line("export FOO=bar; x=5; f() { echo \"f:$1\"; }; alias hi='echo hello'; declare -a arr=(one 'two words')");
        String said = line("pwd; echo $FOO $((x+1)); f a; hi; echo \"${arr[1]}\"; bash -c 'echo child:$FOO'");
        assertEquals(workspace.toRealPath().resolve("sub") + "\nbar 6\nf:a\nhello\ntwo words\nchild:bar\n", said);
        assertEquals(workspace.toRealPath().resolve("sub"), shell.cwd().toRealPath(), "Java sees where the shell stands");
        line("unset FOO x");
        assertEquals("[][]\n", line("echo \"[$FOO][$x]\""), "an unset exported variable stays unset");
    }

    @Test
    void exitStatusIsShownAndIsTheNextLinesDollarQuestion() {
        assertEquals(0, shell.run("true"));
        assertEquals("exit 3\n", line("(exit 3)"));
        assertEquals("3\n", line("echo $?"));
        assertEquals("exit 1\n", line("false"));
        assertEquals("1\n", line("echo $?"));
        assertEquals("exit 4\n", line("exit 4"), "`exit` ends the line's bash, not the REPL");
        assertEquals("4\n", line("echo $?"));
    }

    @Test
    void setEEndsOnlyTheLineAndStaysOn() {
        line("set -e");
        assertEquals("exit 1\n", line("false; echo not-reached"));
        String after = line("echo alive $-");
        assertTrue(after.startsWith("alive ") && after.contains("e"), after);
        line("set +e; cd /nonexistent-dir-for-test");
        assertTrue(line("echo still").contains("still"));
    }

    @Test
    void heredocsLoopsPipesAndRedirections() throws IOException {
        line("x=5");
        assertEquals("line 5\nliteral $x\n", line("cat <<EOF\nline $x\nEOF\ncat <<'EOF'\nliteral $x\nEOF"));
        assertEquals("n1\nn2\nn3\n", line("for i in 1 2 3; do echo n$i; done"));
        line("printf 'a.jpg\\nb.txt\\nc.jpg\\n' > list.txt");
        assertEquals("2\n", line("grep jpg list.txt | wc -l | tr -d ' '"));
        assertTrue(Files.exists(workspace.resolve("list.txt")));
    }

    @Test
    void theExtraEnvironmentPutsTheLabsCommandsFirst() {
        assertEquals("fake docker: compose ps\n", line("docker compose ps"));
        assertEquals("from-lab\n", line("echo $LAB_MARK"));
    }

    @Test
    void aLineNeverReadsTheReplsInputAndASyntaxErrorIsReported() {
        assertEquals("[]\n", line("echo \"[$(cat)]\""), "stdin is /dev/null");
        String said = line("echo )");
        assertTrue(said.contains("syntax error") && said.contains("exit 2"), said);
    }

    @Test
    void ctrlCStopsTheLineAndTheNextLineWorks() throws Exception {
        var pool = Executors.newSingleThreadExecutor();
        long start = System.nanoTime();
        var done = pool.submit(() -> shell.run("sleep 30; echo after-sleep"));
        Thread.sleep(500);
        terminal.raise(Terminal.Signal.INT);
        assertEquals(130, done.get(10, TimeUnit.SECONDS));
        pool.shutdown();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "the sleep was cut short");
        assertFalse(text().contains("after-sleep"), text());
        assertEquals("130\n", line("echo $?"));
    }

    @Test
    void closingForgetsTheState() throws IOException {
        line("cd /tmp");
        Path dir = tmp.resolve("state/shell");
        try (var files = Files.list(dir)) {
            assertTrue(files.count() > 0);
        }
        shell.close();
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void bashDecidesWhenALineIsComplete() {
        for (String open : new String[] {"cat <<EOF", "cat <<EOF\nhello", "for i in 1 2; do", "echo \"abc", "echo a \\", "f() {", "if true; then"}) {
            assertTrue(ShellLineParser.incomplete(open), open);
        }
        for (String whole : new String[] {"echo hi", "echo )", "cat <<EOF\nhello\nEOF", "echo a \\\\", "for i in 1; do echo $i; done"}) {
            assertFalse(ShellLineParser.incomplete(whole), whole);
        }
    }
}
