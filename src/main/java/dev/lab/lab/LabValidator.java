package dev.lab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks that translations of a lab agree on everything the runner relies on. */
public final class LabValidator {

    private LabValidator() {
    }

    /**
     * Compares two translations of one lab: step ids and order, variants, each step's variant and kind, its
     * check lines (same text and edition scope) and its run/solve commands.
     *
     * @return one-line problems, empty when the labs match
     */
    public static List<String> compare(Lab a, Lab b) {
        String la = label(a, b);
        String lb = label(b, a);
        List<String> problems = new ArrayList<>();
        for (String name : a.variants().keySet()) {
            if (!b.variants().containsKey(name)) {
                problems.add("variant '" + name + "' is in " + la + " but missing in " + lb);
            } else if (!a.variants().get(name).equals(b.variants().get(name))) {
                problems.add("variant '" + name + "' is " + a.variants().get(name) + " in " + la + " but "
                        + b.variants().get(name) + " in " + lb);
            }
        }
        b.variants().keySet().stream().filter(n -> !a.variants().containsKey(n))
                .forEach(n -> problems.add("variant '" + n + "' is in " + lb + " but missing in " + la));
        Map<String, Step> stepsB = b.steps().stream().collect(Collectors.toMap(Step::id, Function.identity()));
        Map<String, Step> stepsA = a.steps().stream().collect(Collectors.toMap(Step::id, Function.identity()));
        for (Step sa : a.steps()) {
            Step sb = stepsB.get(sa.id());
            if (sb == null) {
                problems.add("step '" + sa.id() + "' is in " + la + " but missing in " + lb);
                continue;
            }
            String step = "step '" + sa.id() + "'";
            if (!Objects.equals(sa.variant(), sb.variant())) {
                problems.add(step + " has variant " + variant(sa) + " in " + la + " but " + variant(sb) + " in " + lb);
            }
            if (sa.kind() != sb.kind()) {
                problems.add(step + " is kind=" + sa.kind().word() + " in " + la + " but kind=" + sb.kind().word() + " in " + lb);
            }
            if (sa.checks().size() != sb.checks().size()) {
                problems.add(step + " has " + sa.checks().size() + " check lines in " + la + " but "
                        + sb.checks().size() + " in " + lb);
            } else {
                for (int i = 0; i < sa.checks().size(); i++) {
                    CheckLine ca = sa.checks().get(i);
                    CheckLine cb = sb.checks().get(i);
                    if (!ca.text().equals(cb.text()) || !Objects.equals(ca.edition(), cb.edition())) {
                        problems.add(step + " check " + (i + 1) + " differs: `" + ca.text() + "` in " + la
                                + " but `" + cb.text() + "` in " + lb + " (line " + cb.line() + ")");
                    }
                }
            }
            if (!commands(sa).equals(commands(sb))) {
                problems.add(step + " runs different commands in " + la + " and " + lb
                        + ": translations translate prose, never commands");
            }
        }
        b.steps().stream().filter(s -> !stepsA.containsKey(s.id()))
                .forEach(s -> problems.add("step '" + s.id() + "' is in " + lb + " but missing in " + la));
        // Order is compared on shared ids only, so one missing step is not also reported as reordering.
        List<String> orderA = a.steps().stream().map(Step::id).filter(stepsB::containsKey).toList();
        List<String> orderB = b.steps().stream().map(Step::id).filter(stepsA::containsKey).toList();
        if (!orderA.equals(orderB)) {
            problems.add("steps are in a different order: " + la + " has " + String.join(", ", orderA)
                    + "; " + lb + " has " + String.join(", ", orderB));
        }
        return List.copyOf(problems);
    }

    private static List<String> commands(Step step) {
        return step.blocks().stream().filter(bl -> bl.kind() == Block.Kind.RUN || bl.kind() == Block.Kind.SOLVE)
                .flatMap(bl -> bl.commands().stream()).map(Command::text).toList();
    }

    private static String variant(Step step) {
        return step.variant() == null ? "none" : "'" + step.variant() + "'";
    }

    // Translations are told apart by language; the file name only helps when the languages agree.
    private static String label(Lab lab, Lab other) {
        return lab.lang().equals(other.lang()) ? lab.file().toString() : lab.lang();
    }
}
