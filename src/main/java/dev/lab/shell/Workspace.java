package dev.lab.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lab's workspace: resolves a command's path argument and refuses anything outside it. */
final class Workspace {
    final Path root;

    Workspace(Path root) { this.root = root.toAbsolutePath().normalize(); }

    /** The path inside the workspace, or a {@link ShellError} naming the command and the path. */
    Path resolve(String command, String arg) {
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
