package dev.lab.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code lab} in a real pseudo-terminal: a private tmux server, keys in, the screen out. */
final class Tmux implements AutoCloseable {
    private final String socket = "lab-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    /** Starts {@code lab args…} in a 120×40 tmux window, in a child JVM like {@link Child}. */
    Tmux(Path labHome, String... args) throws Exception {
        var lab = new ArrayList<>(List.of("env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "-Dlab.home=" + labHome, "-Dlab.root=" + Path.of("").toAbsolutePath(), "dev.lab.cli.Main"));
        lab.addAll(List.of(args));
        // The class path is longer than a tmux command may be: the window runs a script instead.
        Path script = java.nio.file.Files.writeString(labHome.resolve("lab-in-tmux-" + System.nanoTime() + ".sh"),
                "exec " + String.join(" ", lab.stream().map(Tmux::quote).toList()) + "\n");
        // The window stays after lab exits, so its last words can still be read.
        tmux("new-session", "-d", "-x", "120", "-y", "40", "sh " + quote(script.toString()), ";", "set-option", "-w", "remain-on-exit", "on");
    }

    static boolean installed() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Sends keys as tmux names them ({@code Tab}, {@code Enter}, {@code C-c}) or literal text with {@code -l}. */
    void keys(String... keys) throws Exception {
        var cmd = new ArrayList<>(List.of("send-keys", "-t", "0"));
        cmd.addAll(List.of(keys));
        tmux(cmd.toArray(String[]::new));
    }

    void type(String text) throws Exception { keys("-l", text); }

    /** The visible screen, without colours. */
    String screen() throws Exception { return tmux("capture-pane", "-p", "-t", "0"); }

    /** Polls the screen until {@code ok} holds; fails with the last screen after {@code seconds}. */
    String await(String what, int seconds, Predicate<String> ok) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s = screen();
        while (!ok.test(s)) {
            if (System.nanoTime() > deadline) throw new AssertionError("waited " + seconds + " s for " + what + "; screen:\n" + s);
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    String awaitText(String text, int seconds) throws Exception { return await("'" + text + "'", seconds, s -> s.contains(text)); }

    private String tmux(String... args) throws Exception {
        var cmd = new ArrayList<>(List.of("tmux", "-u", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("tmux " + args[0] + ": " + out);
        return out;
    }

    private static String quote(String s) { return "'" + s.replace("'", "'\\''") + "'"; }

    @Override
    public void close() throws Exception {
        new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    }
}
