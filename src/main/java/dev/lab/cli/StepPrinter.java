package dev.lab.cli;

import dev.lab.check.CheckResult;
import dev.lab.lab.Step;
import dev.lab.session.Listener;
import dev.lab.session.StepResult;
import java.io.PrintStream;
import java.util.List;

/** Prints a headless run: each step's commands and output, then a line per check with expected and actual. */
final class StepPrinter implements Listener {
    private final PrintStream out;
    private final boolean quiet;

    StepPrinter(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    void header(Step step) {
        out.println();
        out.println("── " + step.title() + " (#" + step.id() + (step.variant() == null ? "" : ", variant " + step.variant()) + ") ──");
    }

    @Override public void variant(String name, List<String> diff) {
        if (!quiet) {
            out.println("variant → " + name);
            diff.forEach(l -> out.println("  " + l));
        }
    }

    @Override public void command(String line) { if (!quiet) out.println("$ " + line); }

    @Override public void output(String line) { if (!quiet) out.println("  " + line); }

    @Override public void error(String line) { if (!quiet) out.println("  " + line); }

    @Override public void exit(String line, int code, boolean expectedFailure) {
        if (!quiet && code != 0) out.println("  (exit " + code + (expectedFailure ? ", failure expected" : "") + ")");
    }

    void result(StepResult r) {
        if (r.error() != null) out.println("✗ " + r.error());
        for (CheckResult c : r.checks()) {
            if (quiet && c.passed()) continue;
            out.println((c.passed() ? "  ✓ " : "  ✗ ") + c.check() + "  — expected: " + c.expected() + ", actual: " + c.actual()
                    + (c.evidence().isEmpty() ? "" : "  [" + c.evidence() + "]"));
        }
        out.println(r.passed() ? "step " + r.number() + " passed (" + r.millis() + " ms)" : "step " + r.number() + " FAILED");
    }
}
