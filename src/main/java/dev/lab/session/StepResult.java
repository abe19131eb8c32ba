package dev.lab.session;

import dev.lab.check.CheckResult;
import java.util.List;

/**
 * A step's run: the commands, the checks, and an error when a command could not run at all or
 * failed where it should not have (or succeeded where it should have failed).
 */
public record StepResult(int number, String id, String title, List<CommandResult> commands, List<CheckResult> checks,
                         String error, long millis) {

    /** Every command behaved as written and every check held. */
    public boolean passed() {
        return error == null && checks.stream().allMatch(CheckResult::passed);
    }
}
