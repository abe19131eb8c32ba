package dev.lab.classroom;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing a learner did, as it travels to the class board: everything that leaves the laptop is a
 * field here. {@code id} makes a resend harmless (the board keeps the first copy).
 *
 * @param kind    {@code step} (entered; {@code count} is the lab's step count), {@code commands}
 *                ({@code count} ran), {@code check} ({@code check} text and {@code passed}), {@code result}
 *                ({@code status} passed, solved or failed) or {@code hint}
 * @param at      when it happened on the learner's clock, epoch milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(String id, long at, String lab, String step, int stepNumber, String kind,
                    Integer count, String check, Boolean passed, String status) {
    static final java.util.Set<String> KINDS = java.util.Set.of("step", "commands", "check", "result", "hint");
    static final java.util.Set<String> STATUSES = java.util.Set.of("passed", "solved", "failed");

    /** Why this event is not one a learner's runner sends, or null when it is well formed. */
    String problem() {
        if (id == null || !id.matches("[A-Za-z0-9-]{8,64}")) return "bad event id";
        if (kind == null || !KINDS.contains(kind)) return "bad kind";
        if (lab == null || lab.isEmpty() || lab.length() > 100 || step == null || step.isEmpty() || step.length() > 100) return "bad lab or step";
        if (stepNumber < 1 || stepNumber > 1000) return "bad step number";
        if (count != null && (count < 0 || count > 100_000)) return "bad count";
        if (kind.equals("check") && (check == null || check.isEmpty() || check.length() > 500 || passed == null)) return "bad check";
        if (kind.equals("result") && (status == null || !STATUSES.contains(status))) return "bad status";
        if ((kind.equals("step") || kind.equals("commands")) && count == null) return "missing count";
        return null;
    }
}
