package dev.lab.repl;

import dev.lab.progress.Progress;
import dev.lab.session.Session;
import dev.lab.term.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive lab: terminal → completer → line reader (with history) → loop. Ctrl-C cancels
 * the running step and keeps the REPL; Ctrl-D or {@code quit} leaves; a failing command is
 * reported and never ends the REPL. Works on a dumb terminal with piped input too.
 */
public final class Repl {
    private final Session session;
    private final Progress progress;
    private final Path history;
    private final Terminal terminal;
    private final Screen out;

    /** A REPL on the system terminal, speaking {@code lang} ({@code ko} or {@code en}). */
    public Repl(Session session, Progress progress, Path history, String lang) throws IOException {
        this(session, progress, history, TerminalBuilder.builder().system(true).dumb(true).jna(false).jansi(false).encoding(StandardCharsets.UTF_8).build(),
                lang, System.getenv());
    }

    /** A REPL on {@code terminal}, speaking the lab's language, colour as the environment allows. */
    public Repl(Session session, Progress progress, Path history, Terminal terminal) {
        this(session, progress, history, terminal, session.lab().lang(), System.getenv());
    }

    /** @param env the environment ({@code NO_COLOR}) */
    public Repl(Session session, Progress progress, Path history, Terminal terminal, String lang, java.util.Map<String, String> env) {
        this.session = session;
        this.progress = progress;
        this.history = history;
        this.terminal = terminal;
        this.out = new Screen(terminal, Texts.of(lang), env);
    }

    /** Runs until {@code quit} or end of input; returns the exit code. */
    public int run() throws IOException {
        Files.createDirectories(history.getParent());
        var commands = new ReplCommands(session, progress, out, terminal);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("lab")
                .completer(commands.completer())
                .variable(LineReader.HISTORY_FILE, history)
                .build();
        commands.welcome();
        while (true) {
            String line;
            try {
                line = reader.readLine(commands.prompt());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            if (line == null) break;
            if (!commands.execute(line.trim())) break;
        }
        out.println(out.texts().get("repl.bye"));
        terminal.flush();
        return 0;
    }
}
