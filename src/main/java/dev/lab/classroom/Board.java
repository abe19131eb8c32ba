package dev.lab.classroom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the class stands, folded from the events in memory (rebuilt from the store at start): per
 * learner the step, counts and a stuck flag; per step how many are on or past it; the checks that
 * fail most. {@link #snapshot} is what the page, {@code lab class watch} and the export show.
 */
final class Board {
    static final int STUCK_FAILURES = 3;
    private final long stuckMillis;
    private final Map<String, Learner> learners = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, java.util.Set<String>> failedBy = new HashMap<>();
    private long events;
    private long version;

    private static final class Learner {
        final String name;
        String lab = "";
        String step = "";
        int stepNumber;
        int stepCount;
        long enteredAt;
        long lastAt;
        int commands;
        int hints;
        final Map<String, String> status = new LinkedHashMap<>();
        final Map<String, Boolean> checks = new LinkedHashMap<>();   // the current step's checks, last outcome
        final Map<String, Integer> failStreak = new HashMap<>();

        Learner(String name) { this.name = name; }
    }

    Board(long stuckMillis) { this.stuckMillis = stuckMillis; }

    synchronized void join(String id, String name) {
        learners.putIfAbsent(id, new Learner(name));
        version++;
    }

    synchronized void apply(String id, Event e) {
        Learner l = learners.get(id);
        if (l == null) return;
        events++;
        version++;
        l.lastAt = Math.max(l.lastAt, e.at());
        l.lab = e.lab();
        switch (e.kind()) {
            case "step" -> {
                if (!e.step().equals(l.step)) {
                    l.checks.clear();
                    l.failStreak.clear();
                }
                l.step = e.step();
                l.stepNumber = e.stepNumber();
                l.stepCount = e.count();
                l.enteredAt = e.at();
            }
            case "commands" -> l.commands += e.count();
            case "hint" -> l.hints++;
            case "result" -> l.status.put(e.step(), e.status());
            case "check" -> {
                if (e.step().equals(l.step)) l.checks.put(e.check(), e.passed());
                if (e.passed()) {
                    l.failStreak.remove(e.check());
                } else {
                    l.failStreak.merge(e.check(), 1, Integer::sum);
                    failures.merge(e.check(), 1, Integer::sum);
                    failedBy.computeIfAbsent(e.check(), k -> new LinkedHashSet<>()).add(id);
                }
            }
            default -> { }
        }
    }

    /** Changes since start: the page is re-sent when it moves. */
    synchronized long version() { return version; }

    synchronized Map<String, Object> snapshot(long now) {
        var rows = new ArrayList<Map<String, Object>>();
        var onOrPast = new TreeMap<String, int[]>();
        learners.forEach((id, l) -> {
            String current = l.status.get(l.step);
            boolean done = "passed".equals(current) || "solved".equals(current);
            var failing = l.checks.entrySet().stream().filter(c -> !c.getValue()).map(Map.Entry::getKey).toList();
            String why = null;
            if (!done && !l.step.isEmpty() && now - l.enteredAt > stuckMillis) why = "time";
            if (!done && l.failStreak.values().stream().anyMatch(n -> n >= STUCK_FAILURES)) why = "failures";
            var row = new LinkedHashMap<String, Object>();
            row.put("id", id);
            row.put("name", l.name);
            row.put("lab", l.lab);
            row.put("step", l.step);
            row.put("stepNumber", l.stepNumber);
            row.put("stepCount", l.stepCount);
            row.put("passed", count(l, "passed"));
            row.put("solved", count(l, "solved"));
            row.put("failed", count(l, "failed"));
            row.put("commands", l.commands);
            row.put("hints", l.hints);
            row.put("lastActivity", l.lastAt);
            row.put("stuck", why != null);
            row.put("stuckWhy", why);
            row.put("failing", failing);
            rows.add(row);
            for (int n = 1; n <= l.stepNumber; n++) onOrPast.computeIfAbsent(l.lab + "\u0000" + String.format("%04d", n), k -> new int[1])[0]++;
        });
        var bars = new ArrayList<Map<String, Object>>();
        onOrPast.forEach((k, v) -> bars.add(Map.of("lab", k.substring(0, k.indexOf('\u0000')),
                "number", Integer.parseInt(k.substring(k.indexOf('\u0000') + 1)), "learners", v[0])));
        var top = new ArrayList<Map<String, Object>>();
        failures.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(10)
                .forEach(f -> top.add(Map.of("check", f.getKey(), "failures", f.getValue(), "learners", failedBy.get(f.getKey()).size())));
        var out = new LinkedHashMap<String, Object>();
        out.put("now", now);
        out.put("stuckMinutes", stuckMillis / 60_000.0);
        out.put("events", events);
        out.put("learners", rows);
        out.put("steps", bars);
        out.put("failingChecks", top);
        return out;
    }

    private static long count(Learner l, String status) {
        return l.status.values().stream().filter(status::equals).count();
    }
}
