package dev.lab.session;

import dev.lab.check.CheckResult;
import dev.lab.lab.Step;
import java.util.List;

/**
 * What a learner does in a lab, as the runner sees it, for someone watching the class (the class
 * board). Only counts, check texts and outcomes: never command text, output, files or environment.
 * All methods default to nothing and must return at once (the REPL waits on them).
 */
public interface Activity extends AutoCloseable {
    /** Reports nothing. */
    Activity NONE = new Activity() {};

    /** The learner is on {@code step} (told again on every move; a listener drops repeats). */
    default void entered(Step step, int stepCount) {}

    /** {@code count} commands ran on {@code step}: REPL shell lines, or blocks of {@code run}/{@code solve}. */
    default void commands(Step step, int count) {}

    /** The step's checks were evaluated with these results (a {@code watch} tells only changes of outcome). */
    default void checked(Step step, List<CheckResult> results) {}

    /** The step ended {@code status}: every check held by the learner's work, by {@code solve}, or not. */
    default void result(Step step, StepResult.Status status) {}

    /** A hint of the step was shown. */
    default void hint(Step step) {}

    /** Sends what is still queued, waiting at most a few seconds; then stops. */
    @Override
    default void close() {}
}
