package dev.lab.check;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses one check line into a {@link Check}; the forms are listed in {@link #FORMS}. */
public final class CheckParser {
    /** Every form a check line can take, for error messages and the README. */
    public static final List<String> FORMS = List.of(
            "bucket <bucket> exists|missing",
            "bucket <bucket> versioning enabled|suspended|unversioned",
            "object <bucket>/<key-or-glob> exists|missing",
            "object <bucket>/<key> sha256 = <workspace file>",
            "object <bucket>/<key> metadata <name> =|contains|lacks|matches …",
            "object <bucket>/<key> content-type =|contains|lacks|matches …",
            "object <bucket>/<key> size = <bytes>",
            "objects <bucket>[/<prefix>] count = <n>",
            "http [GET|HEAD|POST|PUT|DELETE] <url> status <code> [code <S3ErrorCode>]",
            "http [METHOD] <url> header <Name> =|contains|lacks|matches …",
            "http [METHOD] <url> json <JMESPath> =|contains|lacks|matches …",
            "container <name> running|exited|absent [exit <code>]",
            "container <name> health healthy|unhealthy|starting|none",
            "command \"<bash command>\" exit <code>",
            "volume <name> exists|missing",
            "mount <container> <path> bind|volume|none",
            "path <workspace path> exists|missing|empty|not-empty",
            "file <workspace path> mode = <octal>",
            "file <workspace path> owner = <user>[:<group>]",
            "file <workspace path> contains|lacks \"<text>\" | matches /<regex>/",
            "log <container> contains|lacks \"<text>\" | matches /<regex>/",
            "output contains|lacks \"<text>\" | matches /<regex>/");

    private static final Pattern COMMAND = Pattern.compile("^command\\s+\"(.*)\"\\s+exit\\s+(\\d+)$");
    private static final String[] TEXT_OPS = {"contains", "lacks", "matches"};
    private static final String[] VALUE_OPS = {"=", "contains", "lacks", "matches"};

    private CheckParser() {}

    public static Check parse(String line) {
        String text = line.trim();
        List<String> w = List.of(text.split("\\s+"));
        try {
            return switch (w.get(0)) {
                case "bucket" -> w.get(2).equals("versioning")
                        ? S3HeadChecks.versioning(text, w.get(1), state(w, 3, "enabled", "suspended", "unversioned"))
                        : S3Checks.bucket(text, w.get(1), state(w, 2, "exists", "missing"));
                case "object" -> object(text, w);
                case "objects" -> S3Checks.count(text, w.get(1), expect(w, 2, "count"), count(w));
                case "http" -> HttpCheck.parse(text);
                case "container" -> w.get(2).equals("health")
                        ? EngineChecks.health(text, w.get(1), state(w, 3, "healthy", "unhealthy", "starting", "none"))
                        : EngineChecks.container(text, w.get(1), state(w, 2, "running", "exited", "absent"),
                                w.size() > 4 && w.get(3).equals("exit") ? Integer.valueOf(w.get(4)) : null);
                case "command" -> command(text);
                case "volume" -> EngineChecks.volume(text, w.get(1), state(w, 2, "exists", "missing"));
                case "mount" -> EngineChecks.mount(text, w.get(1), w.get(2), state(w, 3, "bind", "volume", "none"));
                case "path" -> HostChecks.path(text, w.get(1), state(w, 2, "exists", "missing", "empty", "not-empty"));
                case "file" -> file(text, w);
                case "log" -> EngineChecks.log(text, w.get(1), Expectation.parse(after(text, 2), TEXT_OPS));
                case "output" -> HostChecks.output(text, Expectation.parse(after(text, 1), TEXT_OPS));
                default -> throw bad(text, "unknown check '" + w.get(0) + "'");
            };
        } catch (IndexOutOfBoundsException e) {
            throw bad(text, "incomplete check");
        } catch (IllegalArgumentException e) {
            // a number, URL or glob that does not parse
            throw bad(text, "invalid value (" + e.getMessage() + ")");
        } catch (CheckSyntaxException e) {
            if (e.getMessage().contains(text)) throw e;
            throw bad(text, e.getMessage());
        }
    }

    private static Check object(String text, List<String> w) {
        String what = w.size() > 2 ? w.get(2) : "";
        return switch (what) {
            case "sha256" -> S3Checks.digest(text, w.get(1), expect(w, 3, "="), w.get(4));
            case "metadata" -> {
                String[] bk = S3Checks.split(w.get(1));
                yield S3HeadChecks.metadata(text, bk[0], bk[1], w.get(3), Expectation.parse(after(text, 4), VALUE_OPS));
            }
            case "content-type" -> {
                String[] bk = S3Checks.split(w.get(1));
                yield S3HeadChecks.contentType(text, bk[0], bk[1], Expectation.parse(after(text, 3), VALUE_OPS));
            }
            case "size" -> {
                String[] bk = S3Checks.split(w.get(1));
                expect(w, 3, "=");
                Long.parseLong(w.get(4));
                yield S3HeadChecks.size(text, bk[0], bk[1], Expectation.parse(after(text, 3), "="));
            }
            default -> S3Checks.object(text, w.get(1), state(w, 2, "exists", "missing"));
        };
    }

    private static Check file(String text, List<String> w) {
        String path = w.get(1);
        return switch (w.get(2)) {
            case "mode" -> {
                expect(w, 3, "=");
                if (w.size() != 5 || !w.get(4).matches("0?[0-7]{3}")) throw bad(text, "expected mode = <octal like 0644>");
                String octal = w.get(4).length() == 3 ? "0" + w.get(4) : w.get(4);
                yield FileChecks.mode(text, path, Expectation.parse("= " + octal, "="));
            }
            case "owner" -> FileChecks.owner(text, path, Expectation.parse(after(text, 3), "="));
            default -> FileChecks.content(text, path, Expectation.parse(after(text, 2), TEXT_OPS));
        };
    }

    private static Check command(String text) {
        Matcher m = COMMAND.matcher(text);
        if (!m.matches()) throw bad(text, "expected command \"<bash command>\" exit <code>");
        return new CommandCheck(text, m.group(1), Integer.parseInt(m.group(2)));
    }

    private static int count(List<String> w) {
        expect(w, 3, "=");
        if (w.size() != 5) throw bad(String.join(" ", w), "expected count = <n>");
        return Integer.parseInt(w.get(4));
    }

    /** The text after its first {@code words} words. */
    private static String after(String text, int words) {
        Matcher m = Pattern.compile("^(?:\\S+\\s+){" + words + "}(.*)$").matcher(text);
        if (!m.matches()) throw new IndexOutOfBoundsException();
        return m.group(1);
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
        return new CheckSyntaxException(why + " in check `" + text + "` (forms: " + String.join("; ", FORMS) + ")");
    }
}
