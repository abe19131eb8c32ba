package dev.lab.shell;

import dev.lab.fs.Inside;
import java.nio.file.Path;
import java.util.Map;

/**
 * The lab's workspace: resolves a command's path argument and refuses anything outside it, judged by
 * where the path really leads once links are resolved. Inside a container (init hooks) absolute
 * paths under a mount point resolve to the host folder mounted there, and must stay inside it.
 */
final class Workspace {
    final Path root;
    private final Map<String, Path> mounts;
    private final boolean confined;

    Workspace(Path root) { this(root, Map.of()); }

    Workspace(Path root, Map<String, Path> mounts) { this(root, mounts, true); }

    private Workspace(Path root, Map<String, Path> mounts, boolean confined) {
        this.root = root.toAbsolutePath().normalize();
        this.mounts = Map.copyOf(mounts);
        this.confined = confined;
    }

    /** A learner's own working directory: paths resolve against it and may lead anywhere, as in their terminal. */
    static Workspace cwd(Path dir) { return new Workspace(dir, Map.of(), false); }

    /** The path to read or write, following links; a {@link ShellError} naming the command and the path when outside. */
    Path resolve(String command, String arg) {
        if (!confined) return root.resolve(arg.startsWith("~/") ? Path.of(System.getProperty("user.home"), arg.substring(2)).toString() : arg).normalize();
        return confine(command, arg, spelled(command, arg), false);
    }

    /** The path whose last part is acted on itself ({@code rm}): a link there is removed, not followed. */
    Path resolveEntry(String command, String arg) {
        return confine(command, arg, spelled(command, arg), true);
    }

    /** A path the command derived from a resolved one (a file in a target folder, an S3 key under it): the same check. */
    Path confine(String command, Path p) {
        if (!confined) return p.toAbsolutePath().normalize();
        return confine(command, show(p), p.toAbsolutePath().normalize(), false);
    }

    /** The path as the learner would see it, relative to the workspace. */
    String show(Path p) {
        if (!p.startsWith(root)) return p.toString();
        Path rel = root.relativize(p);
        return rel.toString().isEmpty() ? "." : rel.toString();
    }

    // The path as written, without looking at links yet: under a mount point, or under the workspace.
    private Path spelled(String command, String arg) {
        for (var m : mounts.entrySet()) {
            String point = m.getKey();
            if (arg.equals(point) || arg.startsWith(point + "/")) {
                Path host = m.getValue().toAbsolutePath().normalize();
                Path resolved = host.resolve(arg.substring(point.length()).replaceFirst("^/", "")).normalize();
                if (resolved.startsWith(host)) return resolved;
            }
        }
        String p = arg.startsWith("~/") ? arg.substring(2) : arg;
        Path resolved = root.resolve(p).normalize();
        if (!resolved.startsWith(root)) throw outside(command, arg, root);
        return resolved;
    }

    private Path confine(String command, String arg, Path p, boolean entry) {
        // The innermost folder the path is spelled under: the workspace or a mounted host folder.
        Path area = p.startsWith(root) ? root : null;
        for (Path host : mounts.values()) {
            Path h = host.toAbsolutePath().normalize();
            if (p.startsWith(h) && (area == null || h.getNameCount() > area.getNameCount())) area = h;
        }
        if (area == null) throw outside(command, arg, root);
        try {
            return entry && !p.equals(area) ? Inside.requireEntry(area, p) : Inside.require(area, p);
        } catch (Inside.OutsideException e) {
            throw outside(command, arg, area);
        }
    }

    private ShellError outside(String command, String arg, Path area) {
        return new ShellError(command + ": " + arg + " is outside " + (area.equals(root) ? "the lab workspace " : "the mounted folder ")
                + area + "; the runner only touches files inside it");
    }
}
