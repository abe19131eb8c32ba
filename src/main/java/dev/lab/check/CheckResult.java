package dev.lab.check;

/**
 * The outcome of one check: what was expected, what was found, whether it held, and the evidence
 * (an HTTP status, a log line, a listing). A failed check is a value, never an exception.
 */
public record CheckResult(String check, String expected, String actual, boolean passed, String evidence) {

    static CheckResult of(String check, String expected, String actual, boolean passed, String evidence) {
        return new CheckResult(check, expected, actual, passed, evidence == null ? "" : evidence);
    }
}
