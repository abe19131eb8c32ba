package dev.lab.check;

import dev.lab.fs.Inside;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/** {@code file <workspace path> mode|owner|contains|lacks|matches …}: a file's mode, owner and content. */
final class FileChecks {
    private FileChecks() {}

    /** {@code file <path> mode = 0644}: the permission bits, in octal. */
    static Check mode(String text, String path, Expectation e) {
        return check(text, path, e, (f, a) -> List.of(octal(a.permissions())), f -> "stat " + path);
    }

    /** {@code file <path> owner = user[:group]}: names, or numeric ids when the value is numeric. */
    static Check owner(String text, String path, Expectation e) {
        boolean numeric = e.operand().matches("\\d+(:\\d+)?");
        boolean withGroup = e.operand().contains(":");
        return check(text, path, e, (f, a) -> {
            String user = numeric ? String.valueOf(Files.getAttribute(f, "unix:uid", LinkOption.NOFOLLOW_LINKS)) : a.owner().getName();
            String group = numeric ? String.valueOf(Files.getAttribute(f, "unix:gid", LinkOption.NOFOLLOW_LINKS)) : a.group().getName();
            return List.of(withGroup ? user + ":" + group : user);
        }, f -> "stat " + path);
    }

    /** {@code file <path> contains|lacks|matches …}: the file's lines. */
    static Check content(String text, String path, Expectation e) {
        return new Check() {
            @Override public String text() { return text; }

            @Override public CheckResult evaluate(Probes p) {
                try {
                    Path f = Inside.require(p.workspace(), p.workspace().resolve(path));
                    if (!Files.isRegularFile(f)) return CheckResult.of(text, e.expected(), "missing", false, path + " is not a file");
                    var lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    return e.result(text, lines, e.evidence(lines, path + " is empty"));
                } catch (IOException | RuntimeException x) {
                    return CheckResult.of(text, e.expected(), "unreadable", false, path + ": " + x.getMessage());
                }
            }
        };
    }

    private interface Attr { List<String> of(Path f, PosixFileAttributes a) throws IOException; }

    private static Check check(String text, String path, Expectation e, Attr attr, java.util.function.Function<Path, String> what) {
        return new Check() {
            @Override public String text() { return text; }

            @Override public CheckResult evaluate(Probes p) {
                try {
                    Path f = Inside.require(p.workspace(), p.workspace().resolve(path));
                    if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) return CheckResult.of(text, e.expected(), "missing", false, path + " does not exist");
                    var a = Files.readAttributes(f, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    var found = attr.of(f, a);
                    return e.result(text, found, what.apply(f) + ": " + octal(a.permissions()) + " " + a.owner().getName() + ":" + a.group().getName());
                } catch (IOException | RuntimeException x) {
                    return CheckResult.of(text, e.expected(), "unreadable", false, path + ": " + x.getMessage());
                }
            }
        };
    }

    static String octal(Set<PosixFilePermission> perms) {
        int bits = 0;
        for (PosixFilePermission x : perms) bits |= 1 << (8 - x.ordinal());
        return String.format("%04o", bits);
    }
}
