package dev.lab.repl;

import dev.lab.check.CheckResult;
import dev.lab.session.Listener;
import dev.lab.term.MarkdownRenderer;
import dev.lab.term.Spinner;
import dev.lab.term.Table;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** Everything the REPL prints goes through here: Markdown, tables, check results, command output, spinners. */
final class Screen {
    private static final AttributedStyle RED = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle GREEN = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();

    private final Terminal terminal;

    Screen(Terminal terminal) { this.terminal = terminal; }

    int width() {
        int w = terminal.getWidth();
        return w <= 0 ? 100 : Math.min(w, 120);
    }

    void println(String s) { print(new AttributedString(s)); }

    void error(String s) { print(new AttributedString(s, RED)); }

    void success(String s) { print(new AttributedString(s, GREEN)); }

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
        var t = Table.of(List.of("", "확인 / check", "기대 / expected", "실제 / actual", "근거 / evidence"));
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

    /** Prints commands and their output as they run, with a spinner while a command is silent. */
    Listener listener() {
        return new Listener() {
            private Spinner spinner;

            @Override public void variant(String name, List<String> diff) {
                println("docker-compose.yml ← " + name);
                diff(diff);
            }

            @Override public void command(String line) {
                print(new AttributedString("$ " + line, AttributedStyle.BOLD));
                spinner = Spinner.start(terminal, "실행 중 / running");
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
                    print(new AttributedString("  (exit " + code + (expectedFailure ? ": 예상된 실패 / failure expected" : "") + ")",
                            expectedFailure ? DIM : RED));
                }
            }

            private void stop() {
                if (spinner != null) spinner.close();
                spinner = null;
            }
        };
    }

    /** Prints only the commands (fast-forwarding earlier steps). */
    Listener quietListener() {
        return new Listener() {
            @Override public void command(String line) { print(new AttributedString("  $ " + line, DIM)); }
        };
    }

    private synchronized void print(AttributedString s) {
        // Plain UTF-8 box characters: JLine's alternate-charset translation garbles them in tmux and screen.
        Integer colors = terminal.getNumericCapability(org.jline.utils.InfoCmp.Capability.max_colors);
        terminal.writer().println(s.toAnsi(colors == null ? 8 : colors, org.jline.utils.AttributedCharSequence.ForceMode.None));
        terminal.flush();
    }
}
