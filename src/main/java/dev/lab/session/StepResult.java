package dev.lab.session;

import dev.lab.check.CheckResult;
import java.util.List;

/**
 * A step's run: the commands, the checks, and an error when a command could not run at all or
 * failed where it should not have (or succeeded where it should have failed).
 *
 * @param solvedBy whether the commands were an exercise's {@code solve} blocks: its checks then prove
 *                 the solution, not the learner's work, and the step counts as {@link Status#SOLVED}
 */
public record StepResult(int number, String id, String title, List<CommandResult> commands, List<CheckResult> checks,
                         String error, long millis, boolean solvedBy) {

    /** How a step ended, as reports and the progress file name it. */
    public enum Status {
        PASSED, SOLVED, FAILED;

        /** {@code passed}, {@code solved} or {@code failed}. */
        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** Every command behaved as written and every check held (by the learner's work or by the solution). */
    public boolean passed() {
        return error == null && checks.stream().allMatch(CheckResult::passed);
    }

    /** Failed when something did not hold; otherwise solved when an exercise's solution did it, else passed. */
    public Status status() {
        return !passed() ? Status.FAILED : solvedBy ? Status.SOLVED : Status.PASSED;
    }
}
