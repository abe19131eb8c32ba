package dev.lab.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code lab} in a child JVM, as a user would, with piped standard input (no TTY). */
final class Child {
    private Child() {}

    record Result(int exitCode, String out) {}

    static Process start(Path labHome, String... args) throws IOException {
        return start(labHome, java.util.Map.of(), args);
    }

    static Process start(Path labHome, java.util.Map<String, String> env, String... args) throws IOException {
        var cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dlab.home=" + labHome,
                "-Dlab.root=" + Path.of("").toAbsolutePath(), "dev.lab.cli.Main"));
        cmd.addAll(List.of(args));
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LANG", "ko_KR.UTF-8");
        pb.environment().remove("TERM");
        // The engine host a child starts goes with its last client (tests that keep it say so), and
        // run() waits for it, so the next test finds the ports free, as after a lab process before the host.
        pb.environment().put("LAB_ENGINE_IDLE", "0");
        pb.environment().putAll(env);
        return pb.start();
    }

    /**
     * Waits until the host of a child that left it no reason to stay has ended: its process, not only its socket (it
     * still writes its log after that, which a test's temporary folder must not be deleted under).
     */
    static void awaitIdleHost(Path labHome, java.util.Map<String, String> env) throws InterruptedException {
        if (!env.getOrDefault("LAB_ENGINE_IDLE", "0").equals("0")) return;
        for (int i = 0; i < 300 && hostRuns(labHome); i++) Thread.sleep(50);
    }

    // From /proc: ProcessHandle.Info cuts a command line as long as the host's (its class path) short.
    private static boolean hostRuns(Path labHome) {
        String home = "-Dlab.home=" + labHome;
        return ProcessHandle.allProcesses().anyMatch(p -> {
            try {
                var args = List.of(new String(java.nio.file.Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")),
                        StandardCharsets.UTF_8).split("\0"));
                return args.contains(home) && String.join(" ", args).contains("dev.lab.cli.Main engine host");
            } catch (IOException e) {
                return false; // gone meanwhile, or not ours to read
            }
        });
    }

    static Result run(Path labHome, String stdin, String... args) throws Exception {
        return run(labHome, java.util.Map.of(), stdin, args);
    }

    static Result run(Path labHome, java.util.Map<String, String> env, String stdin, String... args) throws Exception {
        Process p = start(labHome, env, args);
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("lab " + String.join(" ", args) + " did not finish");
        }
        awaitIdleHost(labHome, env);
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
