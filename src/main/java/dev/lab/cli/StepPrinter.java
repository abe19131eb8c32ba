package dev.lab.cli;

import dev.lab.check.CheckResult;
import dev.lab.lab.Step;
import dev.lab.session.Listener;
import dev.lab.session.StepResult;
import dev.lab.term.Texts;
import java.io.PrintStream;
import java.util.List;

/** Prints a headless run: each step's commands and output, then a line per check with expected and actual. */
final class StepPrinter implements Listener {
    private final PrintStream out;
    private final boolean quiet;
    private final Texts texts;

    StepPrinter(PrintStream out, boolean quiet, Texts texts) {
        this.out = out;
        this.quiet = quiet;
        this.texts = texts;
    }

    void header(Step step) {
        out.println();
        out.println("── " + step.title() + " (#" + step.id() + (step.variant() == null ? "" : ", variant " + step.variant()) + ") ──");
    }

    @Override public void variant(String name, List<String> diff) {
        if (!quiet) {
            out.println(texts.get("printer.variant", name));
            diff.forEach(l -> out.println("  " + l));
        }
    }

    /** A block: its first line after {@code $ }, the others after {@code > }, as bash echoes a script it reads. */
    @Override public void command(String block) { if (!quiet) out.println("$ " + block.replace("\n", "\n> ")); }

    @Override public void output(String line) { if (!quiet) out.println("  " + line); }

    @Override public void error(String line) { if (!quiet) out.println("  " + line); }

    @Override public void exit(String line, int code, boolean expectedFailure) {
        if (!quiet && code != 0) out.println("  " + texts.get(expectedFailure ? "printer.exitExpected" : "printer.exit", code));
    }

    @Override public void kept(String file, String backup, List<String> diff) {
        out.println(texts.get("screen.kept", file, backup));
        diff.forEach(l -> out.println("  " + l));
    }

    void result(StepResult r) {
        if (r.error() != null) out.println("✗ " + r.error());
        for (CheckResult c : r.checks()) {
            if (quiet && c.passed()) continue;
            out.println((c.passed() ? "  ✓ " : "  ✗ ") + c.check() + "  — " + texts.get("printer.check", c.expected(), c.actual())
                    + (c.evidence().isEmpty() ? "" : "  [" + c.evidence() + "]"));
        }
        out.println(switch (r.status()) {
            case PASSED -> texts.get("printer.passed", r.number(), r.millis());
            case SOLVED -> texts.get("printer.solved", r.number(), r.millis());
            case FAILED -> texts.get("printer.failed", r.number());
        });
    }
}
