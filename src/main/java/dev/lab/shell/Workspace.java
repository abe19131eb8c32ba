package dev.lab.shell;

import dev.lab.fs.Inside;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a lab command's path arguments lead. In the learner's own terminal they resolve against the
 * working directory and may lead anywhere, as with the real tools. In an init hook ({@link #container})
 * the working directory and every path are the container's: only a path under a mount point reaches
 * the host folder mounted there, and must stay inside it once links are resolved; the rest is refused.
 */
final class Workspace {
    private final Path cwd;
    // container path → host folder; null when paths are not confined
    private final TreeMap<String, Path> mounts;

    private Workspace(Path cwd, Map<String, Path> mounts) {
        this.cwd = cwd.toAbsolutePath().normalize();
        this.mounts = mounts == null ? null : new TreeMap<>();
        if (mounts != null) mounts.forEach((point, host) -> this.mounts.put(point, host.toAbsolutePath().normalize()));
    }

    /** A learner's own working directory: paths resolve against it and may lead anywhere, as in their terminal. */
    static Workspace cwd(Path dir) { return new Workspace(dir, null); }

    /** A hook's container: {@code cwd} is a container path; {@code mounts} maps mount points to host folders. */
    static Workspace container(Path cwd, Map<String, Path> mounts) { return new Workspace(cwd, mounts); }

    /** The host path to read or write, following links; a {@link ShellError} naming the command and the path when outside. */
    Path resolve(String command, String arg) {
        if (mounts == null) return cwd.resolve(arg.startsWith("~/") ? Path.of(System.getProperty("user.home"), arg.substring(2)).toString() : arg).normalize();
        String spelled = cwd.resolve(arg).normalize().toString();
        String point = mountPoint(spelled).orElseThrow(() -> new ShellError(command + ": " + arg + " is outside the container's mounts "
                + String.join(", ", mounts.keySet()) + "; a hook's " + command + " reaches only those"));
        Path host = mounts.get(point);
        return inside(command, arg, point, host.resolve(spelled.substring(point.length()).replaceFirst("^/", "")).normalize());
    }

    /** A path the command derived from a resolved one (a file in a target folder, an S3 key under it): the same check. */
    Path confine(String command, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (mounts == null) return abs;
        // the mount whose host folder holds it most closely
        String point = mounts.entrySet().stream().filter(m -> abs.startsWith(m.getValue()))
                .max((a, b) -> Integer.compare(a.getValue().getNameCount(), b.getValue().getNameCount()))
                .map(Map.Entry::getKey).orElseThrow(() -> new IllegalStateException(abs + " was not resolved through a mount"));
        String shown = point + (abs.equals(mounts.get(point)) ? "" : "/" + mounts.get(point).relativize(abs));
        return inside(command, shown, point, abs);
    }

    // The longest mount point the container path lies under.
    private Optional<String> mountPoint(String path) {
        return mounts.keySet().stream().filter(point -> path.equals(point) || path.startsWith(point.endsWith("/") ? point : point + "/"))
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }

    private Path inside(String command, String arg, String point, Path p) {
        try {
            return Inside.require(mounts.get(point), p);
        } catch (Inside.OutsideException e) {
            throw new ShellError(command + ": " + arg + " leads outside the folder mounted at " + point
                    + "; a hook's " + command + " reaches only the container's mounts");
        }
    }
}
