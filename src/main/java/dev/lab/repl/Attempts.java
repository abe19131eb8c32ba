package dev.lab.repl;

import java.util.HashMap;
import java.util.Map;

/** How many times the learner's work on each step was checked: each {@code check}, and each change of outcome in {@code watch}. In memory only. */
final class Attempts {
    private final Map<String, Integer> counts = new HashMap<>();

    /** Counts one attempt at the step; returns the count so far. */
    synchronized int count(String stepId) { return counts.merge(stepId, 1, Integer::sum); }

    synchronized int of(String stepId) { return counts.getOrDefault(stepId, 0); }
}
