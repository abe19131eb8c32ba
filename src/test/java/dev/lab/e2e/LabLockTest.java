package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second `lab` on the same LAB_HOME exits 2 naming the first; once the first quits, the home is free again. */
class LabLockTest {
    @TempDir Path home;

    @Test
    void aSecondLabOnTheSameHomeNamesTheFirstAndExits2() throws Exception {
        Process first = Child.start(home, "start", "persistence");
        var out = new ByteArrayOutputStream();
        try {
            Thread pump = new Thread(() -> {
                try {
                    first.getInputStream().transferTo(out);
                } catch (java.io.IOException ignored) {
                    // the child ended
                }
            });
            pump.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!out.toString(StandardCharsets.UTF_8).contains("`help`") && System.nanoTime() < deadline) Thread.sleep(100);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("`help`"), "the first lab is at its prompt: " + out);

            for (String command : new String[] {"run", "test", "start"}) {
                var second = Child.run(home, "quit\n", command, "persistence");
                assertEquals(2, second.exitCode(), second.out());
                assertEquals(1, second.out().strip().lines().count(), second.out());
                assertTrue(second.out().contains("another lab (pid " + first.pid() + ", `lab start persistence`) is using persistence in " + home),
                        second.out());
            }

            first.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
            first.getOutputStream().close();
            assertTrue(first.waitFor(60, TimeUnit.SECONDS));
            var after = Child.run(home, "quit\n", "start", "persistence");
            assertEquals(0, after.exitCode(), "the lock went with the first process: " + after.out());
        } finally {
            first.destroyForcibly();
        }
    }
}
