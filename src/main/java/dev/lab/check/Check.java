package dev.lab.check;

/** One declarative assertion of a {@code check} block, evaluated against the real state. */
public interface Check {

    /** The check as written. */
    String text();

    /** Looks at the state through the probes and says what was found. */
    CheckResult evaluate(Probes probes);
}
