package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With piped standard input (no TTY), SIGINT stops the running step as Ctrl-C does, and the REPL goes on. */
class ReplSignalTest {
    @TempDir Path home;

    @Test
    void sigintStopsTheStepWithPipedInput() throws Exception {
        Path lab = Files.createDirectories(home.resolve("labs/slow"));
        Files.writeString(lab.resolve("lab.ko.md"), "---\nlab: slow\ntitle: Slow lab\n---\n## 1. Wait {#wait}\n\n"
                + "```bash {run}\nsleep 30\necho after-sleep\n```\n\n```check\noutput contains \"after-sleep\"\n```\n");
        // As Child does, but with SIGINT at its default: a child of a background job would inherit it ignored.
        var cmd = new java.util.ArrayList<>(java.util.List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "-Dlab.home=" + home, "-Dlab.root=" + Path.of("").toAbsolutePath(), "dev.lab.cli.Main", "start", lab.toString(), "--lang", "en"));
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("TERM");
        Process p = pb.start();
        var out = new ByteArrayOutputStream();
        var reader = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (java.io.IOException e) {
                // the child ended
            }
        });
        reader.start();
        try {
            p.getOutputStream().write("run\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            await(out, "$ sleep 30");
            long start = System.nanoTime();
            assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
            await(out, "The lab is now at step 1 (wait)");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "the sleep was cut short");
            p.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "lab ended after quit");
            reader.join(5000);
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), text);
            assertTrue(text.contains("Stopped (Ctrl-C) in step 1 (wait) during `sleep 30`") && text.contains("Goodbye!"), text);
            assertFalse(text.contains("$ echo after-sleep"), text);
            assertTrue(Files.readString(home.resolve("state/progress/slow.properties")).contains("step=wait"));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void sigintStopsAShellLineWithPipedInput() throws Exception {
        var cmd = new java.util.ArrayList<>(java.util.List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "-Dlab.home=" + home, "-Dlab.root=" + Path.of("").toAbsolutePath(), "dev.lab.cli.Main", "start", "persistence", "--lang", "en"));
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("TERM");
        Process p = pb.start();
        var out = new ByteArrayOutputStream();
        var reader = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (java.io.IOException e) {
                // the child ended
            }
        });
        reader.start();
        try {
            p.getOutputStream().write("echo sleeping; sleep 30; echo woke-up\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            await(out, "sleeping");
            Thread.sleep(300);
            long start = System.nanoTime();
            assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
            await(out, "exit 130");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "the sleep was cut short");
            p.getOutputStream().write("echo next-$?\nquit\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "lab ended after quit");
            reader.join(5000);
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), text);
            assertTrue(text.contains("next-130") && text.contains("Goodbye!"), text);
            assertFalse(text.contains("woke-up\n"), text);
        } finally {
            p.destroyForcibly();
        }
    }

    private static void await(ByteArrayOutputStream out, String needle) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString(StandardCharsets.UTF_8).contains(needle)) {
            if (System.nanoTime() > deadline) throw new AssertionError("no '" + needle + "' in: " + out.toString(StandardCharsets.UTF_8));
            Thread.sleep(50);
        }
    }
}
