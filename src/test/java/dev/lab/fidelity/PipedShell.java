package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code lab shell} in a child JVM with a script piped to it, on one engine: what a learner's own terminal would show.
 * The engine host goes with the shell ({@code LAB_ENGINE_IDLE=0}), so the next run finds the ports free.
 */
final class PipedShell {
    private PipedShell() {}

    /** The shell's exit status and its output (stderr merged). */
    record Run(int exit, String out) {}

    static Run run(Path home, Path workspace, String engine, String script) throws Exception {
        var cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "-Dlab.home=" + home.resolve("home"), "-Dlab.root=" + Path.of("").toAbsolutePath(), "dev.lab.cli.Main",
                "shell", "--workspace", workspace.toString(), "--engine", engine, "--edition", "community-4.14");
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LAB_ENGINE_IDLE", "0");
        Process p = pb.start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "lab shell on " + engine + " did not finish: " + out);
        Path socket = home.resolve("home/state/engine/host.sock");
        for (int i = 0; i < 300 && Files.exists(socket); i++) Thread.sleep(50);
        return new Run(p.exitValue(), out);
    }
}
