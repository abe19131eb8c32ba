package dev.lab.cli;

import dev.lab.lab.Lab;
import picocli.CommandLine.Option;

/** {@code --step ID|N}: the step a command opens at, shared by {@code start} and {@code demo}. */
final class StepOption {
    @Option(names = "--step", paramLabel = "ID|N", description = "open at this step (id preferred: numbers move when a lab changes); earlier steps are done first")
    String step;

    /** The 0-based index of the step asked for, 0 without the option; an unknown step is bad input. */
    int index(Lab lab) { return resolve(lab, step, 0, "--step"); }

    static int resolve(Lab lab, String value, int fallback, String option) {
        if (value == null) return fallback;
        return lab.step(value).map(s -> s.number() - 1).orElseThrow(() -> new IllegalArgumentException(
                option + ": " + lab.file().getFileName() + " has no step " + value + " (1-" + lab.steps().size() + " or a step id)"));
    }
}
