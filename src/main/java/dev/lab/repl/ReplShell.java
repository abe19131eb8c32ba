package dev.lab.repl;

import dev.lab.fs.Inside;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Terminal;

/**
 * The learner's own commands: each line runs in a fresh {@code bash} that first restores what the
 * previous line left (cwd, variables, functions, aliases, options, {@code $?}) from a state file and
 * saves it again on exit, so the REPL behaves as one bash. The state file is this REPL's alone and
 * goes when it closes; a new REPL starts fresh in the workspace.
 */
public final class ReplShell implements AutoCloseable {
    /** Where a line's standard streams go. */
    enum Io {
        /** The REPL's real terminal, inherited: an editor or {@code docker exec -it} gets it; Ctrl-C reaches the line by the tty. */
        TERMINAL,
        /** Output inherited, input {@code /dev/null} so the line never eats the REPL's next lines; SIGINT is passed on. */
        PIPED,
        /** Output copied onto the REPL's {@link Terminal} (a terminal in this JVM, as tests use); input {@code /dev/null}. */
        CAPTURED
    }

    private static final String SCRIPT = script();
    /** `&&` keeps a restored `set -e` from ending the shell as $? is set. */
    private static final String COMMAND = "eval \"$1\"; __lab_return \"$__lab_status\" && :; eval \"${__lab_trace:-}$__lab_line\"";

    private final Path workspace;
    private final Path state;
    private final Map<String, String> env;
    private final Terminal terminal;
    private final Screen out;
    private final Io io;
    private int status;

    /**
     * @param stateDir where the state file lives (the lab's state area, not the workspace)
     * @param env      extra environment for bash (the lab's commands on PATH, endpoint, credentials)
     */
    ReplShell(Path workspace, Path stateDir, Map<String, String> env, Terminal terminal, Screen out, Io io) throws IOException {
        this.workspace = workspace.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
        this.terminal = terminal;
        this.out = out;
        this.io = io;
        Files.createDirectories(stateDir);
        // Created private: it holds the learner's environment.
        this.state = Files.createTempFile(stateDir, "repl-", ".bash");
    }

    /**
     * A shell like the REPL's for {@code lab demo}: the same bash state kept from line to line, output straight
     * to the terminal (or inherited with input from /dev/null on a dumb one).
     */
    public static ReplShell forDemo(Path workspace, Path stateDir, Map<String, String> env, Terminal terminal, String lang)
            throws IOException {
        var io = terminal instanceof org.jline.terminal.impl.DumbTerminal ? Io.PIPED : Io.TERMINAL;
        return new ReplShell(workspace, stateDir, env, terminal, new Screen(terminal, dev.lab.term.Texts.of(lang), System.getenv()), io);
    }

    /** Runs one line in bash, shows a non-zero exit status, and returns it. */
    public int run(String line) {
        return run(line, List.of());
    }

    /** The extra environment bash gets. */
    Map<String, String> env() { return env; }

    /** The shell's current folder, as the last line left it. */
    Path cwd() {
        try {
            Path cwd = Path.of(Files.readString(cwdFile()));
            return Files.isDirectory(cwd) ? cwd : workspace;
        } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
            return workspace;
        }
    }

    /** {@code edit [file]}: the learner's editor on a workspace file, {@code docker-compose.yml} by default. */
    void edit(String file) {
        Path target = file.isEmpty() ? workspace.resolve("docker-compose.yml") : cwd().resolve(file);
        Inside.require(workspace, target);
        run("__lab_edit \"$1\" \"$2\"", List.of(target.toString(), out.texts().get("shell.noEditor")));
    }

    private int run(String line, List<String> args) {
        var cmd = new ArrayList<>(List.of("bash", "--noprofile", "--norc", "-c", COMMAND, "bash", SCRIPT, state.toString(), String.valueOf(status), line));
        cmd.addAll(args);
        var pb = new ProcessBuilder(cmd).directory(prepareWorkspace());
        pb.environment().putAll(env);
        switch (io) {
            case TERMINAL -> pb.inheritIO();
            case PIPED -> pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
            case CAPTURED -> pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true);
        }
        terminal.flush();
        var child = new AtomicReference<Process>();
        // The tty sends Ctrl-C to the line itself; the REPL only must not die of it nor act on it.
        var previous = terminal.handle(Terminal.Signal.INT, io == Io.TERMINAL ? s -> {} : s -> interrupt(child.get()));
        if (terminal.canPauseResume()) terminal.pause();
        try {
            Process p = pb.start();
            child.set(p);
            Thread pump = io == Io.CAPTURED ? pump(p.getInputStream()) : null;
            status = p.waitFor();
            if (pump != null) pump.join(500);
        } catch (IOException e) {
            status = 127;
            out.error(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            if (terminal.canPauseResume()) terminal.resume();
        }
        if (status != 0) {
            // After ^C the cursor still stands on the interrupted line.
            if (status == 130 && io == Io.TERMINAL) out.println("");
            out.dim(out.texts().get("shell.exit", status));
        }
        return status;
    }

    private File prepareWorkspace() {
        try {
            return Files.createDirectories(workspace).toFile();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the workspace " + workspace + ": " + e.getMessage(), e);
        }
    }

    /** As a tty does on Ctrl-C: SIGINT to bash and everything it started. */
    private static void interrupt(Process p) {
        if (p == null) return;
        var pids = new ArrayList<>(List.of("kill", "-INT", String.valueOf(p.pid())));
        p.descendants().forEach(h -> pids.add(String.valueOf(h.pid())));
        try {
            new ProcessBuilder(pids).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            p.destroy();
        }
    }

    private Thread pump(InputStream from) {
        var t = new Thread(() -> {
            try {
                from.transferTo(terminal.output());
                terminal.output().flush();
            } catch (IOException e) {
                // the terminal or the line went away
            }
        }, "lab-shell-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private Path cwdFile() { return state.resolveSibling(state.getFileName() + ".cwd"); }

    /** Forgets the shell's state: the next REPL starts fresh in the workspace. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(state);
            Files.deleteIfExists(cwdFile());
        } catch (IOException e) {
            // a leftover state file is harmless: nothing reads it again
        }
    }

    private static String script() {
        try (InputStream in = ReplShell.class.getResourceAsStream("line.bash")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
