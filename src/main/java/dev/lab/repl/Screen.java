package dev.lab.repl;

import dev.lab.check.CheckResult;
import dev.lab.session.Listener;
import dev.lab.term.MarkdownRenderer;
import dev.lab.term.Spinner;
import dev.lab.term.Table;
import dev.lab.term.Texts;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedCharSequence;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

/**
 * Everything the REPL prints goes through here: Markdown, tables, check results, command output,
 * spinners. Colour only on a real terminal and when {@code NO_COLOR} is unset or empty.
 */
final class Screen {
    private static final AttributedStyle RED = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle GREEN = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();

    private final Terminal terminal;
    private final Texts texts;
    private final boolean color;
    private boolean compact;

    /** @param env the environment, for {@code NO_COLOR} */
    Screen(Terminal terminal, Texts texts, Map<String, String> env) {
        this.terminal = terminal;
        this.texts = texts;
        this.color = !Spinner.isDumb(terminal) && env.getOrDefault("NO_COLOR", "").isEmpty();
    }

    Texts texts() { return texts; }

    /** Checks as {@link dev.lab.term.CompactChecks} lines instead of a table ({@code --compact}). */
    void compact(boolean on) { compact = on; }

    int width() {
        int w = terminal.getWidth();
        return w <= 0 ? 100 : Math.min(w, 120);
    }

    void println(String s) { print(new AttributedString(s)); }

    void error(String s) { print(new AttributedString(s, RED)); }

    void success(String s) { print(new AttributedString(s, GREEN)); }

    void dim(String s) { print(new AttributedString(s, DIM)); }

    void heading(String s) { markdown("## " + s); }

    void markdown(String md) {
        if (md == null || md.isBlank()) return;
        new MarkdownRenderer(width()).renderLines(md).forEach(this::print);
    }

    void table(List<String> headers, List<List<String>> rows) {
        var t = Table.of(headers);
        rows.forEach(r -> t.row(r.toArray(String[]::new)));
        t.render(width()).forEach(this::print);
    }

    /** One row per check: verdict, check, expected, actual, evidence. */
    void checks(List<CheckResult> results) {
        if (compact) {
            dev.lab.term.CompactChecks.lines(results, texts, width()).forEach(l -> print(new AttributedString(l, l.startsWith("✓") ? GREEN : RED)));
            return;
        }
        var t = Table.of(List.of("", texts.get("col.check"), texts.get("col.expected"), texts.get("col.actual"), texts.get("col.evidence")));
        for (CheckResult c : results) {
            t.row(c.passed() ? GREEN : RED, c.passed() ? "✓" : "✗", c.check(), c.expected(), c.actual(), c.evidence());
        }
        t.render(width()).forEach(this::print);
    }

    void diff(List<String> lines) {
        for (String l : lines) {
            print(new AttributedString(l, l.startsWith("+") ? GREEN : l.startsWith("-") ? RED : DIM));
        }
    }

    /** Hears a step at work; {@link #close()} ends whatever it still shows (the spinner of a stopped command). */
    interface Live extends Listener, AutoCloseable {
        @Override void close();
    }

    /** Prints commands and their output as they run, with a spinner while a command is silent. */
    Live listener() {
        return new Live() {
            private Spinner spinner;

            @Override public void variant(String name, List<String> diff) {
                println("docker-compose.yml ← " + name);
                diff(diff);
            }

            @Override public void command(String line) {
                print(new AttributedString("$ " + line, AttributedStyle.BOLD));
                spinner = Spinner.start(terminal, texts.get("screen.running"));
            }

            @Override public void output(String line) {
                stop();
                println("  " + line);
            }

            @Override public void error(String line) {
                stop();
                print(new AttributedString("  " + line, RED));
            }

            @Override public void exit(String line, int code, boolean expectedFailure) {
                stop();
                if (code != 0) {
                    print(new AttributedString("  " + texts.get(expectedFailure ? "printer.exitExpected" : "printer.exit", code),
                            expectedFailure ? DIM : RED));
                }
            }

            @Override public void kept(String file, String backup, List<String> diff) {
                stop();
                print(new AttributedString(texts.get("screen.kept", file, backup), AttributedStyle.BOLD));
                diff(diff);
            }

            @Override public void close() { stop(); }

            private void stop() {
                if (spinner != null) spinner.close();
                spinner = null;
            }
        };
    }

    /** Prints only the commands (fast-forwarding earlier steps). */
    Live quietListener() {
        return new Live() {
            @Override public void command(String line) { print(new AttributedString("  $ " + line, DIM)); }

            @Override public void kept(String file, String backup, List<String> diff) {
                print(new AttributedString(texts.get("screen.kept", file, backup), AttributedStyle.BOLD));
                diff(diff);
            }

            @Override public void close() {}
        };
    }

    private synchronized void print(AttributedString s) {
        if (!color) {
            terminal.writer().println(s.toString());
        } else {
            // Plain UTF-8 box characters: JLine's alternate-charset translation garbles them in tmux and screen.
            Integer colors = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
            terminal.writer().println(s.toAnsi(colors == null ? 8 : colors, AttributedCharSequence.ForceMode.None));
        }
        terminal.flush();
    }
}
