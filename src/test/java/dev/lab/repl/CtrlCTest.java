package dev.lab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.lab.LabLoader;
import dev.lab.progress.Progress;
import dev.lab.session.Session;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C cancels the running step; the REPL carries on and takes the next command. */
class CtrlCTest {
    @TempDir Path tmp;

    @Test
    void ctrlCCancelsALongStepAndTheReplContinues() throws Exception {
        Path labDir = Files.createDirectories(tmp.resolve("labs/slow"));
        Files.writeString(labDir.resolve("lab.ko.md"), "---\nlab: slow\ntitle: 느린 실습\n---\n## 1. 기다리기 {#wait}\n\n"
                + "```bash {run}\nsleep 30\necho never\n```\n\n```check\noutput contains \"never\"\n```\n");
        var lab = LabLoader.loadFolder(labDir, "ko");
        var input = new PipedOutputStream();
        var out = new ByteArrayOutputStream();
        Terminal terminal = new DumbTerminal(new PipedInputStream(input), out);
        var engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0);
        var session = new Session(lab, engine, tmp.resolve("ws/slow"));
        var repl = new Repl(session, Progress.load(tmp.resolve("progress.properties"), java.util.List.of("wait")), tmp.resolve("history"), terminal);
        var pool = Executors.newSingleThreadExecutor();
        long start = System.nanoTime();
        var done = pool.submit(repl::run);
        input.write("run\n".getBytes(StandardCharsets.UTF_8));
        input.flush();
        waitFor(out, "$ sleep 30");
        terminal.raise(Terminal.Signal.INT);
        waitFor(out, "중단됨 (Ctrl-C)");
        input.write("steps\nquit\n".getBytes(StandardCharsets.UTF_8));
        input.flush();
        assertEquals(0, done.get(20, TimeUnit.SECONDS));
        pool.shutdown();
        session.close();
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(25), "the sleep was cut short");
        assertTrue(!text.contains("  never"), text);
        assertTrue(text.contains("기다리기") && text.contains("진행 상황이 저장되었습니다"), "the REPL went on to `steps` and `quit`: " + text);
    }

    private static void waitFor(ByteArrayOutputStream out, String needle) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!out.toString(StandardCharsets.UTF_8).contains(needle)) {
            if (System.nanoTime() > deadline) throw new AssertionError("no '" + needle + "' in: " + out.toString(StandardCharsets.UTF_8));
            Thread.sleep(20);
        }
    }
}
