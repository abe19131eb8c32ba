package dev.lab.check;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The tail of a check that compares a found value: {@code = <value>}, {@code contains "<text>"},
 * {@code lacks "<text>"} or {@code matches /<regex>/}. Text with several lines holds for
 * {@code contains}/{@code matches} when one line does, the way grep reads it.
 */
record Expectation(String op, String operand, Pattern regex) {
    private static final Pattern FORM = Pattern.compile("^(=|contains|lacks|matches)\\s+(.*)$");

    /** Parses the tail; {@code allowed} lists the operators this check takes. */
    static Expectation parse(String tail, String... allowed) {
        Matcher m = FORM.matcher(tail.strip());
        if (!m.matches() || !List.of(allowed).contains(m.group(1))) {
            throw new CheckSyntaxException("expected " + String.join("|", allowed) + " but found '" + tail.strip() + "'");
        }
        String op = m.group(1);
        String arg = m.group(2).strip();
        return switch (op) {
            case "=" -> new Expectation(op, unquote(arg), null);
            case "matches" -> {
                if (arg.length() < 2 || !arg.startsWith("/") || !arg.endsWith("/")) {
                    throw new CheckSyntaxException("expected matches /regex/ but found '" + arg + "'");
                }
                try {
                    yield new Expectation(op, arg.substring(1, arg.length() - 1), Pattern.compile(arg.substring(1, arg.length() - 1)));
                } catch (PatternSyntaxException e) {
                    throw new CheckSyntaxException("bad regex " + arg + ": " + e.getDescription());
                }
            }
            default -> {
                if (arg.length() < 2 || !arg.startsWith("\"") || !arg.endsWith("\"")) {
                    throw new CheckSyntaxException("expected a quoted text after " + op + " but found '" + arg + "'");
                }
                yield new Expectation(op, arg.substring(1, arg.length() - 1), null);
            }
        };
    }

    /** What the check expects, as shown to the learner. */
    String expected() {
        return switch (op) {
            case "=" -> operand;
            case "matches" -> "matches /" + operand + "/";
            default -> op + " \"" + operand + "\"";
        };
    }

    /** What was found in {@code lines}, in the same words as {@link #expected()} when it holds. */
    String actual(List<String> lines) {
        return switch (op) {
            case "=" -> String.join("\n", lines);
            case "matches" -> (hit(lines) != null ? "matches /" : "no match for /") + operand + "/";
            default -> (hit(lines) != null ? "contains" : "lacks") + " \"" + operand + "\"";
        };
    }

    /** The first line that contains or matches the operand, or null. */
    String hit(List<String> lines) {
        for (String l : lines) {
            if (regex != null ? regex.matcher(l).find() : l.contains(operand)) return l;
        }
        return null;
    }

    /** Evidence for a list of lines: the line that hit, else the last one. */
    String evidence(List<String> lines, String none) {
        String hit = op.equals("=") ? null : hit(lines);
        if (hit != null) return hit;
        return lines.isEmpty() ? none : "last: " + lines.get(lines.size() - 1);
    }

    /** A result for a single found value or for lines of text. */
    CheckResult result(String text, List<String> lines, String evidence) {
        String actual = actual(lines);
        return CheckResult.of(text, expected(), actual, actual.equals(expected()), evidence);
    }

    /** A result when there is no value at all (no such header or metadata): {@code what} for {@code =}. */
    CheckResult absent(String text, String what, String evidence) {
        String actual = op.equals("=") ? what : actual(List.of());
        return CheckResult.of(text, expected(), actual, actual.equals(expected()), evidence);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
