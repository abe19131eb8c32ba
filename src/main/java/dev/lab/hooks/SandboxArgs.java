package dev.lab.hooks;

import dev.lab.engine.MountInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code bwrap} arguments that build a hook's file system: an empty tmpfs root, the host's
 * system folders read-only, the container's mounts at their container paths, LocalStack's working
 * folder, and the lab's own command folders read-only. Nothing else of the host is there, so a
 * write outside the mounts fails or lands in the tmpfs that vanishes with the hook.
 */
final class SandboxArgs {
    /** Host folders a hook's programs need; {@code /etc} is split around mount points inside it. */
    static final List<String> SYSTEM = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc");
    static final String WORKDIR = "/opt/code/localstack";

    private final List<MountInfo> mounts;
    private final List<Path> visible;

    SandboxArgs(List<MountInfo> mounts, List<Path> visible) {
        this.mounts = mounts.stream().sorted(Comparator.comparing(MountInfo::destination)).toList();
        this.visible = visible;
    }

    /** Everything before {@code --} and the program. */
    List<String> build(String hostname) throws IOException {
        var a = new ArrayList<>(List.of("--die-with-parent", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                "--hostname", hostname));
        for (String dir : SYSTEM) system(Path.of(dir), a);
        a.addAll(List.of("--dev", "/dev", "--proc", "/proc", "--perms", "1777", "--dir", "/tmp",
                "--perms", "1777", "--dir", "/var/tmp", "--dir", "/root", "--dir", WORKDIR));
        for (MountInfo m : mounts) {
            a.addAll(List.of(m.readWrite() ? "--bind-try" : "--ro-bind-try", m.source(), m.destination()));
        }
        for (Path p : visible) {
            if (Files.exists(p) && !system(p.toString())) {
                a.addAll(List.of("--ro-bind", p.toString(), p.toString()));
            }
        }
        a.addAll(List.of("--chdir", WORKDIR));
        return a;
    }

    /** The host path behind {@code path} as the hook sees it, or empty when the sandbox has nothing there. */
    Optional<Path> resolve(String path) {
        for (int i = mounts.size() - 1; i >= 0; i--) {
            String dest = mounts.get(i).destination();
            if (path.equals(dest) || path.startsWith(dest + "/")) {
                return Optional.of(Path.of(mounts.get(i).source() + path.substring(dest.length())));
            }
        }
        for (Path p : visible) {
            if (path.equals(p.toString()) || path.startsWith(p + "/")) return Optional.of(Path.of(path));
        }
        return system(path) ? Optional.of(Path.of(path)) : Optional.empty();
    }

    private static boolean system(String path) {
        return SYSTEM.stream().anyMatch(dir -> path.equals(dir) || path.startsWith(dir + "/"));
    }

    /** Binds {@code dir} read-only, or its entries one by one when a mount point lies inside it. */
    private void system(Path dir, List<String> a) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            a.addAll(List.of("--symlink", Files.readSymbolicLink(dir).toString(), dir.toString()));
            return;
        }
        if (!Files.exists(dir)) return;
        String d = dir.toString();
        boolean covered = mounts.stream().anyMatch(m -> m.destination().equals(d));
        boolean inside = mounts.stream().anyMatch(m -> m.destination().startsWith(d + "/"));
        if (covered) return;
        if (!inside || !Files.isDirectory(dir)) {
            a.addAll(List.of("--ro-bind", d, d));
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) system(child, a);
        }
    }
}
