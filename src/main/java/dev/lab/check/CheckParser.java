package dev.lab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses one check line into a {@link Check}; the forms are listed in {@link #FORMS}. */
public final class CheckParser {
    /** Every form a check line can take, for error messages and the README. */
    public static final List<String> FORMS = List.of(
            "bucket <bucket> exists|missing",
            "object <bucket>/<key-or-glob> exists|missing",
            "object <bucket>/<key> sha256 = <workspace file>",
            "objects <bucket> count = <n>",
            "http [GET|HEAD|POST] <url> status <code> [code <S3ErrorCode>]",
            "container <name> running|exited|absent [exit <code>]",
            "volume <name> exists|missing",
            "mount <container> <path> bind|volume|none",
            "path <workspace path> exists|missing|empty|not-empty",
            "log <container> contains|lacks \"<text>\"",
            "output contains|lacks \"<text>\"");

    private static final Pattern QUOTED = Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(contains|lacks)\\s+\"(.*)\"$");

    private CheckParser() {}

    public static Check parse(String line) {
        String text = line.trim();
        List<String> w = List.of(text.split("\\s+"));
        try {
            return switch (w.get(0)) {
                case "bucket" -> S3Checks.bucket(text, w.get(1), state(w, 2, "exists", "missing"));
                case "object" -> w.size() >= 5 && w.get(2).equals("sha256")
                        ? S3Checks.digest(text, w.get(1), expect(w, 3, "="), w.get(4))
                        : S3Checks.object(text, w.get(1), state(w, 2, "exists", "missing"));
                case "objects" -> S3Checks.count(text, w.get(1), expect(w, 2, "count"), Integer.parseInt(w.get(4)));
                case "http" -> HttpCheck.parse(text, w);
                case "container" -> EngineChecks.container(text, w.get(1), state(w, 2, "running", "exited", "absent"),
                        w.size() > 4 && w.get(3).equals("exit") ? Integer.valueOf(w.get(4)) : null);
                case "volume" -> EngineChecks.volume(text, w.get(1), state(w, 2, "exists", "missing"));
                case "mount" -> EngineChecks.mount(text, w.get(1), w.get(2), state(w, 3, "bind", "volume", "none"));
                case "path" -> HostChecks.path(text, w.get(1), state(w, 2, "exists", "missing", "empty", "not-empty"));
                case "log", "output" -> quoted(text);
                default -> throw bad(text, "unknown check '" + w.get(0) + "'");
            };
        } catch (IndexOutOfBoundsException e) {
            throw bad(text, "incomplete check");
        } catch (IllegalArgumentException e) {
            // a number, URL or glob that does not parse
            throw bad(text, "invalid value (" + e.getMessage() + ")");
        } catch (CheckSyntaxException e) {
            if (e.getMessage().contains(text)) throw e;
            throw new CheckSyntaxException(e.getMessage() + " in check `" + text + "`");
        }
    }

    private static Check quoted(String text) {
        Matcher m = QUOTED.matcher(text);
        if (text.startsWith("output ")) m = Pattern.compile("^(output)()\\s+(contains|lacks)\\s+\"(.*)\"$").matcher(text);
        if (!m.matches()) throw bad(text, "expected a quoted text");
        boolean contains = m.group(3).equals("contains");
        return m.group(1).equals("log") ? EngineChecks.log(text, m.group(2), contains, m.group(4))
                : HostChecks.output(text, contains, m.group(4));
    }

    private static String state(List<String> w, int i, String... allowed) {
        String s = w.get(i);
        for (String a : allowed) if (a.equals(s)) return s;
        throw bad(String.join(" ", w), "expected " + String.join("|", allowed) + " but found '" + s + "'");
    }

    private static String expect(List<String> w, int i, String word) {
        if (!w.get(i).equals(word)) throw bad(String.join(" ", w), "expected '" + word + "' but found '" + w.get(i) + "'");
        return word;
    }

    private static CheckSyntaxException bad(String text, String why) {
        var forms = new ArrayList<>(FORMS);
        return new CheckSyntaxException(why + " in check `" + text + "` (forms: " + String.join("; ", forms) + ")");
    }
}
