package dev.lab.demo;

import java.io.IOException;
import java.io.PrintWriter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * The presenter's keys: types a command out as {@link Typing} says and waits for what to do with it
 * (Enter runs it, {@code s} skips it, {@code n}/{@code p}/{@code g}/{@code r} move, {@code !} runs a
 * live command, {@code q} quits, {@code ?} lists them). Keys are read one at a time in raw mode; the
 * terminal is back in its own mode while a command runs.
 */
public final class Keys {
    /** What the presenter asked for; {@code argument} is the step of GOTO or the line of LIVE. */
    record Action(Kind kind, String argument) {
        enum Kind { RUN, SKIP, NEXT, PREV, GOTO, RESET, LIVE, QUIT }
    }

    private final Terminal terminal;
    private final Typing typing;
    private final Audience audience;
    private final PrintWriter w;
    private final LineReader lines;

    public Keys(Terminal terminal, Typing typing, dev.lab.term.Texts texts) {
        this.terminal = terminal;
        this.typing = typing;
        this.w = terminal.writer();
        this.audience = new Audience(w, terminal::getWidth, texts);
        // The live line goes to bash as typed: no history expansion, no backslash handling by JLine.
        var parser = new org.jline.reader.impl.DefaultParser();
        parser.setEscapeChars(new char[0]);
        this.lines = LineReaderBuilder.builder().terminal(terminal).parser(parser)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
    }

    Audience audience() { return audience; }

    /** Shows {@code command} being typed and returns what to do with it. */
    Action command(String command) throws IOException {
        String shown = command.replace("\n", "\n> ");
        int typed = typing.mode() == Typing.Mode.OFF ? shown.length() : 0;
        w.print("\u001b[1m$\u001b[0m " + shown.substring(0, typed));
        w.flush();
        Attributes saved = terminal.enterRawMode();
        try {
            NonBlockingReader in = terminal.reader();
            long gap = typing.mode() == Typing.Mode.AUTO ? Math.max(1, 1000 / typing.cps()) : 0;
            while (true) {
                int c = typed < shown.length() && gap > 0 ? in.read(gap) : in.read();
                if (c == NonBlockingReader.READ_EXPIRED) {
                    typed = type(shown, typed, 1);
                    continue;
                }
                if (c < 0 || c == 4) return end(Action.Kind.QUIT, null);
                boolean whole = typed == shown.length();
                if (c == '\r' || c == '\n') {
                    type(shown, typed, shown.length());
                    return end(Action.Kind.RUN, null);
                }
                if (whole || typed == 0 && typing.mode() == Typing.Mode.KEYS) {
                    Action a = control(c, saved);
                    if (a != null) return a;
                    if (c == '?' || c == 'g' || c == '!') {
                        w.print("\u001b[1m$\u001b[0m " + shown.substring(0, typed));
                        w.flush();
                        continue;
                    }
                }
                if (!whole) typed = type(shown, typed, 1);
            }
        } finally {
            terminal.setAttributes(saved);
        }
    }

    /** At the end of a step: Enter or {@code n} goes on; the other keys as between commands. */
    Action between(boolean more) throws IOException {
        audience.dim(audience.texts().get(more ? "demo.stepDone" : "demo.lastDone"));
        Attributes saved = terminal.enterRawMode();
        try {
            while (true) {
                int c = terminal.reader().read();
                if (c < 0 || c == 4) return new Action(Action.Kind.QUIT, null);
                if (c == '\r' || c == '\n') {
                    if (more) return new Action(Action.Kind.NEXT, null);
                    continue;
                }
                Action a = control(c, saved);
                if (a != null) return a;
            }
        } finally {
            terminal.setAttributes(saved);
        }
    }

    private Action control(int c, Attributes saved) {
        return switch (c) {
            case 's' -> end(Action.Kind.SKIP, null);
            case 'n' -> end(Action.Kind.NEXT, null);
            case 'p' -> end(Action.Kind.PREV, null);
            case 'r' -> end(Action.Kind.RESET, null);
            case 'q' -> end(Action.Kind.QUIT, null);
            case 'g' -> ask("g ", Action.Kind.GOTO, saved);
            case '!' -> ask("! ", Action.Kind.LIVE, saved);
            case '?' -> {
                w.println();
                for (String l : audience.texts().get("demo.keys").split("\\|")) audience.line("  " + l.strip());
                w.flush();
                yield null;
            }
            default -> null;
        };
    }

    private Action ask(String prompt, Action.Kind kind, Attributes saved) {
        w.println();
        w.flush();
        terminal.setAttributes(saved);
        try {
            String line = lines.readLine(prompt).strip();
            return line.isEmpty() ? null : new Action(kind, line);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        } finally {
            terminal.enterRawMode();
        }
    }

    private int type(String shown, int from, int count) {
        int to = Math.min(shown.length(), from + count);
        w.print(shown.substring(from, to));
        w.flush();
        return to;
    }

    private Action end(Action.Kind kind, String argument) {
        w.println();
        w.flush();
        return new Action(kind, argument);
    }
}
