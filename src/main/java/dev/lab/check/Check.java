package dev.lab.check;

import java.util.List;

/** One declarative assertion of a {@code check} block, evaluated against the real state. */
public interface Check {

    /** The check as written. */
    String text();

    /**
     * Files of the workspace the check compares against (the {@code sha256 = <file>} reference), which
     * the lab must ship in its {@code files/} folder; a loader refuses a lab that lacks one.
     */
    default List<String> referenceFiles() {
        return List.of();
    }

    /** Looks at the state through the probes and says what was found. */
    CheckResult evaluate(Probes probes);
}
