package dev.lab.term;

import dev.lab.check.CheckResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Check results for a projector ({@code --compact}, {@code lab demo}): one line per failed check with
 * expected and found, its evidence cut to one line, and one summary line for those that held; no
 * line wider than {@code width}.
 */
public final class CompactChecks {
    private CompactChecks() {
    }

    /** The lines to print, each at most {@code width} columns. */
    public static List<String> lines(List<CheckResult> results, Texts texts, int width) {
        var out = new ArrayList<String>();
        int held = 0;
        for (CheckResult c : results) {
            if (c.passed()) {
                held++;
                continue;
            }
            out.add(Width.truncate("✗ " + c.check() + " — " + texts.get("demo.expectedFound", c.expected(), c.actual()), width));
            String evidence = c.evidence().strip().lines().findFirst().orElse("");
            if (!evidence.isEmpty()) out.add(Width.truncate("    " + evidence, width));
        }
        if (held > 0) out.add(Width.truncate("✓ " + texts.get("demo.held", held, results.size()), width));
        return out;
    }
}
