package dev.lab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.check.CheckResult;
import dev.lab.lab.Lab;
import dev.lab.lab.LabLoader;
import dev.lab.lab.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control experiment of the persistence lab: a step's checks prove something only if they do
 * not already hold before its commands run. Walks the lab once on the embedded engine (community):
 * for each step, its checks first (at least one must fail), then its {@code run} blocks, then its
 * checks again (all must hold).
 */
class ChecksBeforeCommandsTest {
    /**
     * Steps whose checks legitimately hold before their commands: the step observes a state an
     * earlier step made, and the lesson is that the command changes nothing. Exact: a step listed
     * here whose checks do not all hold beforehand fails the test too.
     */
    static final Map<String, String> OBSERVATION_ONLY = Map.of(
            "no-volume-down-up", "on community step 12's restart already lost the bucket; down + up losing it too is the"
                    + " lesson for pro, where it still exists before this step",
            "chmod-755", "the tutorial's chmod 755 is the wrong fix: the container exits 1 before and after, which is the point");

    @TempDir Path tmp;

    @Test
    void everyStepsChecksFailBeforeItsCommandsAndHoldAfter() throws Exception {
        Lab lab = LabLoader.loadFolder(Path.of("labs/persistence"), "en");
        var proving = new ArrayList<String>();
        var problems = new ArrayList<String>();
        // The lab's ready.d hooks call awslocal, which the hooks find on the PATH the runner gives them.
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.lab.testing.TestAwslocal.available(), "the hooks' awslocal needs the AWS CLI");
        try (var engine = Engines.open("embedded", "community-4.14", tmp.resolve("engine"),
                dev.lab.hooks.InitScripts.of(dev.lab.testing.TestAwslocal.in(tmp)));
             var session = new Session(lab, engine, tmp.resolve("persistence"))) {
            session.resetAll();
            for (Step step : lab.steps()) {
                session.moveTo(step.number() - 1);
                List<CheckResult> before = session.check(step);
                boolean allHeld = before.stream().allMatch(CheckResult::passed);
                boolean listed = OBSERVATION_ONLY.containsKey(step.id());
                if (allHeld && !listed) {
                    problems.add(step.number() + " #" + step.id() + ": every check already holds before its commands: "
                            + before.stream().map(CheckResult::check).toList());
                } else if (!allHeld && listed) {
                    problems.add(step.number() + " #" + step.id() + " is listed as observation-only but "
                            + failed(before) + " fail before its commands: take it off the list");
                } else if (!allHeld) {
                    proving.add(step.id());
                }
                StepResult after = session.perform(step, new Listener() {});
                assertTrue(after.passed(), "step " + step.number() + " #" + step.id() + " after its commands: "
                        + (after.error() != null ? after.error() : failed(after.checks())));
            }
            session.resetAll();
        }
        assertEquals(List.of(), problems);
        assertEquals(lab.steps().size() - OBSERVATION_ONLY.size(), proving.size(), "steps whose checks prove something: " + proving);
    }

    private static String failed(List<CheckResult> results) {
        return results.stream().filter(r -> !r.passed())
                .map(r -> r.check() + " (expected " + r.expected() + ", actual " + r.actual() + ")")
                .collect(Collectors.joining("; "));
    }
}
