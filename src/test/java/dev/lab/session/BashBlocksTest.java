package dev.lab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.lab.LabLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code {run}} blocks are bash scripts: the shell's syntax works, failures name their lab line, a stop kills the script. */
class BashBlocksTest {
    @TempDir Path tmp;

    private Session session(String steps) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("labs/b"));
        Files.writeString(dir.resolve("lab.ko.md"), "---\nlab: b\ntitle: 블록\n---\n" + steps);
        var lab = LabLoader.loadFolder(dir, "ko");
        return new Session(lab, new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0), tmp.resolve("ws/b"));
    }

    private static final class Lines implements Listener {
        final List<String> out = new ArrayList<>();
        @Override public synchronized void output(String line) { out.add(line); }
        @Override public synchronized void error(String line) { out.add("err: " + line); }
    }

    @Test
    void variablesHeredocLoopsConditionsStatusAndRedirectionWorkAsInBash() throws Exception {
        try (var s = session("""
                ## 1. 셸 {#shell}

                ```bash {run}
                name=lab
                cat > note.txt <<EOF
                hello $name
                EOF
                for i in 1 2 3; do echo "n$i" >> nums.txt; done
                if grep -q n2 nums.txt; then echo found; fi
                false || echo "status $?"
                echo to-stderr >&2
                echo "$(wc -l < nums.txt) lines, $(cat note.txt)"
                ```

                ```check
                output contains "3 lines, hello lab"
                ```
                """)) {
            var lines = new Lines();
            var r = s.run(s.current(), lines);
            assertNull(r.error(), String.valueOf(r.error()));
            assertEquals(List.of("found", "status 1", "to-stderr", "3 lines, hello lab"), lines.out);
            assertTrue(r.passed(), r.toString());
            assertEquals("n1\nn2\nn3\n", Files.readString(s.workspace().resolve("nums.txt")));
        }
    }

    @Test
    void aFailingCommandStopsTheBlockAndNamesItsLabLine() throws Exception {
        try (var s = session("""
                ## 1. 실패 {#fail}

                ```bash {run}
                echo before
                ls no-such-file
                echo after
                ```
                """)) {
            var lines = new Lines();
            var r = s.run(s.current(), lines);
            // The fence is line 7 of lab.ko.md, so `ls` is on line 9.
            assertEquals("lab.ko.md:9: `ls no-such-file` exited with 2: ls: cannot access 'no-such-file': No such file or directory", r.error());
            assertTrue(!lines.out.contains("after"), lines.out.toString());
            assertEquals(2, r.commands().get(0).exitCode());
        }
    }

    @Test
    void expectFailNeedsTheBlockToFail() throws Exception {
        try (var s = session("""
                ## 1. 기대 {#expect}

                ```bash {run expect=fail}
                test -f missing.txt
                ```

                ## 2. 틀림 {#wrong}

                ```bash {run expect=fail}
                true
                ```
                """)) {
            var first = s.run(s.lab().steps().get(0), new Lines());
            assertNull(first.error());
            assertEquals(1, first.commands().get(0).exitCode());
            var second = s.run(s.lab().steps().get(1), new Lines());
            assertTrue(second.error() != null && second.error().contains("lab.ko.md:") && second.error().contains("expect=fail"), second.error());
        }
    }

    @Test
    void aStopKillsTheSleepingScriptAndEverythingItStarted() throws Exception {
        try (var s = session("""
                ## 1. 잠 {#sleep}

                ```bash {run}
                echo $$ > pid.txt
                sleep 30
                echo never
                ```
                """)) {
            var pool = Executors.newSingleThreadExecutor();
            var lines = new Lines();
            long start = System.nanoTime();
            var result = pool.submit(() -> {
                s.stopSwitch().reset();
                s.stopSwitch().attach();
                try {
                    return s.run(s.current(), lines);
                } finally {
                    s.stopSwitch().detach();
                }
            });
            Path pidFile = s.workspace().resolve("pid.txt");
            while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) Thread.sleep(20);
            long bash = Long.parseLong(Files.readString(pidFile).strip());
            Thread.sleep(300);
            s.stopSwitch().request();
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof Stopped, e.toString());
            assertEquals("sleep 30", ((Stopped) e.getCause()).command(), "the stop names the command bash was running");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
            Thread.sleep(200);
            assertTrue(ProcessHandle.of(bash).map(p -> !p.isAlive()).orElse(true), "bash is gone");
            assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.parent().map(q -> q.pid() == bash).orElse(false)), "its sleep is gone");
            assertTrue(!lines.out.contains("never"));
            pool.shutdown();
        }
    }
}
