package dev.lab.repl;

import dev.lab.check.CheckResult;
import dev.lab.lab.Step;
import dev.lab.progress.Progress;
import dev.lab.session.Session;
import dev.lab.session.StepResult;
import dev.lab.term.Texts;
import java.util.List;

/**
 * What a step's checks came to, on screen and on record: the table, the activity log, and a step
 * passed (all checks held) or solved in the progress file. {@code check}, {@code run}/{@code solve}
 * and {@code watch} all end here.
 */
final class ReplChecks {
    private final Session session;
    private final Progress progress;
    private final Screen out;
    private final Texts texts;

    ReplChecks(Session session, Progress progress, Screen out) {
        this.session = session;
        this.progress = progress;
        this.out = out;
        this.texts = out.texts();
    }

    /** {@code check}: the current step's checks, now. */
    void check() {
        Step step = session.current();
        checks(step, session.check(step));
    }

    /** After {@code run} or {@code solve}: a solved step is recorded as solved, any other outcome as its checks. */
    void report(StepResult r) {
        session.activity().commands(session.current(), r.commands().size());
        if (r.error() != null) out.error(r.error());
        if (r.status() != StepResult.Status.SOLVED) {
            checks(session.current(), r.checks());
            return;
        }
        out.checks(r.checks());
        session.activity().checked(session.current(), r.checks());
        session.activity().result(session.current(), StepResult.Status.SOLVED);
        progress.markSolved(r.id());
        out.success(texts.get("repl.solved"));
    }

    /** One more attempt at the step (its checks' outcome changed under {@code watch}): shown and recorded; whether all held. */
    boolean attempt(Step step, List<CheckResult> results) {
        return record(step, results);
    }

    private void checks(Step step, List<CheckResult> results) {
        if (results.isEmpty()) {
            if (step.checks().isEmpty()) out.println(texts.get("repl.nothingToCheck"));
            return;
        }
        if (record(step, results)) out.success(texts.get("repl.allHold"));
        else out.error(texts.get("repl.someFail"));
    }

    private boolean record(Step step, List<CheckResult> results) {
        out.checks(results);
        session.activity().checked(step, results);
        boolean held = results.stream().allMatch(CheckResult::passed);
        session.activity().result(step, held ? StepResult.Status.PASSED : StepResult.Status.FAILED);
        if (held) progress.markPassed(step.id());
        return held;
    }
}
