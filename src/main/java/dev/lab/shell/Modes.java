package dev.lab.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** {@code chmod} mode arguments: octal ({@code 755}) or symbolic ({@code u+w}, {@code a+rwx}, {@code go-w}). */
final class Modes {
    private Modes() {}

    static void apply(Path p, String spec) throws IOException {
        int current = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
        Files.setAttribute(p, "unix:mode", next(current, spec, Files.isDirectory(p)), LinkOption.NOFOLLOW_LINKS);
    }

    /** The mode after applying {@code spec} to {@code current}. */
    static int next(int current, String spec, boolean directory) {
        if (spec.matches("[0-7]{1,4}")) return Integer.parseInt(spec, 8);
        int mode = current;
        for (String clause : spec.split(",")) {
            var m = java.util.regex.Pattern.compile("([ugoa]*)([-+=])([rwxX]*)").matcher(clause);
            if (!m.matches()) throw new ShellError("chmod: invalid mode: '" + spec + "'");
            String who = m.group(1).isEmpty() || m.group(1).contains("a") ? "ugo" : m.group(1);
            int bits = 0;
            for (char c : m.group(3).toCharArray()) {
                bits |= switch (c) {
                    case 'r' -> 4;
                    case 'w' -> 2;
                    case 'x' -> 1;
                    default -> directory || (current & 0111) != 0 ? 1 : 0;
                };
            }
            int mask = 0;
            int set = 0;
            if (who.contains("u")) { mask |= 0700; set |= bits << 6; }
            if (who.contains("g")) { mask |= 070; set |= bits << 3; }
            if (who.contains("o")) { mask |= 07; set |= bits; }
            mode = switch (m.group(2)) {
                case "+" -> mode | set;
                case "-" -> mode & ~set;
                default -> (mode & ~mask) | set;
            };
        }
        return mode;
    }
}
