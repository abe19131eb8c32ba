package dev.lab.repl;

import dev.lab.progress.Progress;
import dev.lab.session.Session;
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

    public Repl(Session session, Progress progress, Path history) throws IOException {
        this(session, progress, history, TerminalBuilder.builder().system(true).dumb(true).jna(false).jansi(false).encoding(StandardCharsets.UTF_8).build());
    }

    public Repl(Session session, Progress progress, Path history, Terminal terminal) {
        this.session = session;
        this.progress = progress;
        this.history = history;
        this.terminal = terminal;
    }

    /** Runs until {@code quit} or end of input; returns the exit code. */
    public int run() throws IOException {
        Files.createDirectories(history.getParent());
        var out = new Screen(terminal);
        HistoryFile.vet(history).ifPresent(out::error);
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
        out.println("안녕히 가세요! 진행 상황이 저장되었습니다. (progress saved)");
        terminal.flush();
        return 0;
    }
}
