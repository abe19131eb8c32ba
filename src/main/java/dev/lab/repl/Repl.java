package dev.lab.repl;

import dev.lab.progress.Progress;
import dev.lab.session.Session;
import dev.lab.term.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.Signals;

/**
 * The interactive lab: terminal → completer → line reader (with history) → loop. Ctrl-C cancels
 * the running step and keeps the REPL; Ctrl-D or {@code quit} leaves; a failing command is
 * reported and never ends the REPL. Any line that is not a REPL command runs in bash in the
 * workspace ({@link ReplShell}). Works on a dumb terminal with piped input too.
 */
public final class Repl {
    private final Session session;
    private final Progress progress;
    private final Path history;
    private final Terminal terminal;
    private final Screen out;
    private final boolean system;
    private final Map<String, String> shellEnv;

    /**
     * A REPL on the system terminal, speaking {@code lang} ({@code ko} or {@code en}).
     *
     * @param shellEnv extra environment for the learner's bash lines (the lab's commands on PATH, the endpoint…)
     */
    public Repl(Session session, Progress progress, Path history, String lang, Map<String, String> shellEnv) throws IOException {
        this(session, progress, history, TerminalBuilder.builder().system(true).dumb(true).jna(false).jansi(false).encoding(StandardCharsets.UTF_8).build(),
                lang, System.getenv(), shellEnv, true);
    }

    /** A REPL on {@code terminal}, speaking the lab's language, colour as the environment allows. */
    public Repl(Session session, Progress progress, Path history, Terminal terminal) {
        this(session, progress, history, terminal, session.lab().lang(), System.getenv(), Map.of(), false);
    }

    /** @param env the environment ({@code NO_COLOR}) */
    public Repl(Session session, Progress progress, Path history, Terminal terminal, String lang, Map<String, String> env) {
        this(session, progress, history, terminal, lang, env, Map.of(), false);
    }

    /** @param shellEnv extra environment for the learner's bash lines */
    public Repl(Session session, Progress progress, Path history, Terminal terminal, String lang, Map<String, String> env,
                Map<String, String> shellEnv) {
        this(session, progress, history, terminal, lang, env, shellEnv, false);
    }

    private Repl(Session session, Progress progress, Path history, Terminal terminal, String lang, Map<String, String> env,
                 Map<String, String> shellEnv, boolean system) {
        this.system = system;
        this.shellEnv = shellEnv;
        this.session = session;
        this.progress = progress;
        this.history = history;
        this.terminal = terminal;
        this.out = new Screen(terminal, Texts.of(lang), env);
    }

    /** Shows checks compact (one line per failure, one for the rest) for a projector; returns this REPL. */
    public Repl compact(boolean on) {
        out.compact(on);
        return this;
    }

    /** Runs until {@code quit} or end of input; returns the exit code. */
    public int run() throws IOException {
        Files.createDirectories(history.getParent());
        HistoryFile.vet(history, out.texts()).ifPresent(out::error);
        var io = !system ? ReplShell.Io.CAPTURED : terminal instanceof DumbTerminal ? ReplShell.Io.PIPED : ReplShell.Io.TERMINAL;
        // The bash state lives beside the history, in the state area: the workspace is the learner's.
        try (var shell = new ReplShell(session.workspace(), history.resolveSibling("shell"), shellEnv, terminal, out, io)) {
            var commands = new ReplCommands(session, progress, out, terminal, shell);
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("lab")
                    .parser(new ShellLineParser(commands::isCommand))
                    .completer(commands.completer())
                    .variable(LineReader.HISTORY_FILE, history)
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "> ")
                    // `!steps` goes to bash as typed, and so do backslashes: no history expansion by JLine.
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            return run(reader, commands);
        }
    }

    private int run(LineReader reader, ReplCommands commands) {
        // A dumb terminal (piped input) has no tty to turn ^C into a signal: take SIGINT itself, so it stops a step as Ctrl-C does.
        Object sigint = terminal instanceof DumbTerminal && system ? Signals.register("INT", () -> terminal.raise(Terminal.Signal.INT)) : null;
        try {
            return loop(reader, commands);
        } finally {
            if (sigint != null) Signals.unregister("INT", sigint);
        }
    }

    private int loop(LineReader reader, ReplCommands commands) {
        dev.lab.trace.Trace.mark("repl ready");
        commands.welcome();
        while (true) {
            String line;
            try {
                dev.lab.trace.Trace.mark("prompt");
                line = reader.readLine(commands.prompt());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            if (line == null) break;
            dev.lab.trace.Trace.mark("line read");
            if (!commands.execute(line.trim())) break;
        }
        out.println(out.texts().get("repl.bye"));
        terminal.flush();
        dev.lab.trace.Trace.mark("repl done");
        return 0;
    }
}
