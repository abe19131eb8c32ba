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
    private int compactWidth;

    StepPrinter(PrintStream out, boolean quiet, Texts texts) {
        this.out = out;
        this.quiet = quiet;
        this.texts = texts;
    }

    void header(Step step) {
        out.println();
        out.println(fit("── " + step.title() + " (#" + step.id() + (step.variant() == null ? "" : ", variant " + step.variant()) + ") ──"));
    }

    @Override public void variant(String name, List<String> diff) {
        if (!quiet) {
            out.println(fit(texts.get("printer.variant", name)));
            diff.forEach(l -> out.println(fit("  " + l)));
        }
    }

    /** A block: its first line after {@code $ }, the others after {@code > }, as bash echoes a script it reads. */
    @Override public void command(String block) {
        if (!quiet) for (String l : ("$ " + block.replace("\n", "\n> ")).split("\n")) out.println(fit(l));
    }

    @Override public void output(String line) { if (!quiet) out.println(fit("  " + line)); }

    private String fit(String line) { return compactWidth > 0 ? dev.lab.term.Width.truncate(line, compactWidth) : line; }

    @Override public void error(String line) { if (!quiet) out.println("  " + line); }

    @Override public void exit(String line, int code, boolean expectedFailure) {
        if (!quiet && code != 0) out.println("  " + texts.get(expectedFailure ? "printer.exitExpected" : "printer.exit", code));
    }

    @Override public void kept(String file, String backup, List<String> diff) {
        out.println(texts.get("screen.kept", file, backup));
        diff.forEach(l -> out.println("  " + l));
    }

    /** Checks as {@link dev.lab.term.CompactChecks} lines no wider than {@code width}; 0 turns it off. */
    StepPrinter compact(int width) {
        this.compactWidth = width;
        return this;
    }

    void result(StepResult r) {
        if (r.error() != null) out.println(fit("✗ " + r.error()));
        if (compactWidth > 0) {
            dev.lab.term.CompactChecks.lines(r.checks(), texts, compactWidth).forEach(out::println);
        }
        for (CheckResult c : compactWidth > 0 ? java.util.List.<CheckResult>of() : r.checks()) {
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
