package dev.lab.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The lab's workspace: resolves a command's path argument and refuses anything outside it. Inside a
 * container (init hooks) absolute paths under a mount point resolve to the host folder mounted there.
 */
final class Workspace {
    final Path root;
    private final Map<String, Path> mounts;

    Workspace(Path root) { this(root, Map.of()); }

    Workspace(Path root, Map<String, Path> mounts) {
        this.root = root.toAbsolutePath().normalize();
        this.mounts = Map.copyOf(mounts);
    }

    /** The path inside the workspace, or a {@link ShellError} naming the command and the path. */
    Path resolve(String command, String arg) {
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
        if (!resolved.startsWith(root) || escapesByLink(resolved)) {
            throw new ShellError(command + ": " + arg + " is outside the lab workspace " + root
                    + "; the runner only touches files inside it");
        }
        return resolved;
    }

    /** The path as the learner would see it, relative to the workspace. */
    String show(Path p) {
        Path rel = root.relativize(p);
        return rel.toString().isEmpty() ? "." : rel.toString();
    }

    private boolean escapesByLink(Path p) {
        for (Path q = p; q != null && q.startsWith(root); q = q.getParent()) {
            if (Files.exists(q)) {
                try {
                    return !q.toRealPath().startsWith(root.toRealPath());
                } catch (IOException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
