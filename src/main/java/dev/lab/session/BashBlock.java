package dev.lab.session;

import dev.lab.lab.Block;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@code {run}}/{@code {solve}} block as one script of {@code bash -e} in the workspace. An
 * {@code ERR} trap records the failing command and its line, which is mapped back to the lab file;
 * bash's own {@code line N:} in error messages is mapped the same way. Bash runs in its own session,
 * so a stop (Ctrl-C, the JVM ending) kills the whole process group, not just bash.
 */
final class BashBlock {
    private static final Pattern BASH_LINE = Pattern.compile("^bash: line (\\d+): ");
    private static final String SETSID = setsid();

    /**
     * How the block ended.
     *
     * @param failedLine    the lab file line of the command that failed, or 0 when unknown
     * @param failedCommand that command as bash saw it, or null
     */
    record Result(int exitCode, int failedLine, String failedCommand) {}

    /** The block was stopped; {@code command} is the one bash was running then (its first line), or null. */
    static final class StoppedAt extends InterruptedException {
        private static final long serialVersionUID = 1L;
        final String command;

        StoppedAt(String command) {
            super("stopped");
            this.command = command;
        }
    }

    private BashBlock() {}

    /** Runs the block; its output lines (standard output and error, in their order) go to {@code out} as they come. */
    static Result run(Block block, Path workspace, Map<String, String> env, Consumer<String> out)
            throws InterruptedException {
        Path trap = null;
        Path trace = null;
        Process p = null;
        Thread killer = null;
        try {
            trap = Files.createTempFile("lab-block", ".err");
            trace = Files.createTempFile("lab-block", ".run");
            // Both traps on line 1, so the block's line n is the script's line n + 1.
            String script = record(trap, "ERR", ">>") + "; " + record(trace, "DEBUG", ">") + "\n" + block.content() + "\n";
            var cmd = new java.util.ArrayList<String>();
            if (SETSID != null) cmd.addAll(List.of(SETSID, "-w"));
            cmd.addAll(List.of("bash", "--noprofile", "--norc", "-e", "-c", script));
            // One pipe for both streams, as one terminal shows them: two pipes read by two threads lose their order.
            var pb = new ProcessBuilder(cmd).directory(workspace.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(env);
            p = pb.start();
            Process started = p;
            killer = new Thread(() -> kill(started));
            Runtime.getRuntime().addShutdownHook(killer);
            int offset = block.line() - 1;
            Thread o = pump(p.getInputStream(), line -> out.accept(mapLine(line, offset)));
            int code;
            try {
                code = p.waitFor();
            } catch (InterruptedException ie) {
                kill(p);
                List<String> running = Files.readAllLines(trace);
                throw new StoppedAt(running.isEmpty() ? null : running.get(0).split("\t", 2)[running.get(0).contains("\t") ? 1 : 0]);
            }
            o.join();
            List<String> traps = Files.readAllLines(trap);
            if (code == 0 || traps.isEmpty()) return new Result(code, 0, null);
            String[] first = traps.get(0).split("\t", 2);
            return new Result(code, Integer.parseInt(first[0]) + offset, first.length > 1 ? first[1] : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run bash for the block at line " + block.line() + ": " + e.getMessage(), e);
        } finally {
            if (killer != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(killer);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running already.
                }
            }
            if (p != null && p.isAlive()) kill(p);
            if (trap != null) trap.toFile().delete();
            if (trace != null) trace.toFile().delete();
        }
    }

    // trap 'printf "%s\t%s\n" "$LINENO" "$BASH_COMMAND" >>'file'' SIGNAL, the file name quoted inside the quoted trap body.
    private static String record(Path file, String signal, String redirect) {
        return "trap 'printf \"%s\\t%s\\n\" \"$LINENO\" \"$BASH_COMMAND\" " + redirect
                + dev.lab.host.Sh.quote(file.toString()).replace("'", "'\\''") + "' " + signal;
    }

    private static String mapLine(String line, int offset) {
        Matcher m = BASH_LINE.matcher(line);
        return m.find() ? "bash: line " + (Integer.parseInt(m.group(1)) + offset) + ": " + line.substring(m.end()) : line;
    }

    private static Thread pump(InputStream in, Consumer<String> sink) {
        var t = new Thread(() -> {
            try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) sink.accept(line);
            } catch (IOException e) {
                // The process was killed: its pipes closed under us.
            }
        }, "lab-block-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Kills bash and everything it started: its process group when it has one, and every descendant still known. */
    private static void kill(Process p) {
        List<ProcessHandle> tree = p.descendants().toList();
        if (SETSID != null) {
            try {
                new ProcessBuilder("kill", "-TERM", "--", "-" + p.pid()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(2, TimeUnit.SECONDS);
            } catch (IOException e) {
                // Fall through to the descendants.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tree.forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String setsid() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "setsid"))) return Path.of(dir, "setsid").toString();
        }
        return null;
    }
}
