package dev.lab.doctor;

/**
 * The rules of {@code lab doctor}. Ids and names are stable API: tools match on them, so a rule
 * may be reworded but never renumbered.
 */
public enum Rule {
    LS001("no-volume", Severity.WARNING),
    LS002("data-dir", Severity.WARNING),
    LS003("persistence-needs-pro", Severity.ERROR),
    LS004("latest-needs-token", Severity.ERROR),
    LS005("bind-not-writable", Severity.ERROR),
    LS006("no-container-name", Severity.WARNING),
    LS007("no-healthcheck", Severity.WARNING),
    LS008("external-volume", Severity.WARNING),
    LS009("community-no-persistence", Severity.NOTE);

    /**
     * How bad a finding is: an error stops LocalStack from starting, a warning loses data or confuses,
     * a note tells what the edition does (not a problem of the file: it does not fail the check).
     */
    public enum Severity {
        ERROR, WARNING, NOTE;

        /** The lower-case word printed and written to JSON. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String ruleName;
    private final Severity severity;

    Rule(String ruleName, Severity severity) {
        this.ruleName = ruleName;
        this.severity = severity;
    }

    /** The id, e.g. {@code LS001}. */
    public String id() {
        return name();
    }

    /** The short name, e.g. {@code no-volume}. */
    public String ruleName() {
        return ruleName;
    }

    /** The severity the rule's findings carry. */
    public Severity severity() {
        return severity;
    }
}
