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
 * system folders read-only (where a mount lies inside one, e.g. {@code /etc/localstack/init/ready.d}, as links to
 * its entries), the container's mounts at their container paths, LocalStack's working
 * folder, and the lab's own command folders read-only. Nothing else of the host is there, so a
 * write outside the mounts fails or lands in the tmpfs that vanishes with the hook.
 */
final class SandboxArgs {
    /** Host folders a hook's programs need; {@code /etc} is split around mount points inside it. */
    static final List<String> SYSTEM = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc");
    static final String WORKDIR = "/opt/code/localstack";
    /** Where a system folder with a mount point inside is bound, for the links that stand for its entries. */
    static final String HOST = "/run/lab-host";

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

    /**
     * Binds {@code dir} read-only; when a mount point lies inside it, binds it once out of the way (under
     * {@link #HOST}) and fills a folder of the sandbox's own at {@code dir} with symbolic links to its entries, so the
     * mount point can be made there. Links, not a bind per entry: {@code /etc} has ~150 entries, and 150 mounts cost a
     * hook or a healthcheck probe ~20 ms to set up, where 150 links cost nothing measurable.
     */
    private void system(Path dir, List<String> a) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            a.addAll(List.of("--symlink", Files.readSymbolicLink(dir).toString(), dir.toString()));
            return;
        }
        if (!Files.exists(dir)) return;
        String d = dir.toString();
        if (covered(d)) return;
        if (!inside(d) || !Files.isDirectory(dir)) {
            a.addAll(List.of("--ro-bind", d, d));
            return;
        }
        // --dir makes 0755 folders, where the parents bwrap makes for a bind or a link would be 0700.
        a.addAll(List.of("--dir", "/run", "--dir", HOST, "--ro-bind", d, HOST + d, "--dir", d));
        linkEntries(dir, a);
    }

    // The entries of a folder with a mount point inside, as links to the folder's bind under HOST.
    private void linkEntries(Path dir, List<String> a) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                String c = child.toString();
                if (Files.isSymbolicLink(child)) {
                    a.addAll(List.of("--symlink", Files.readSymbolicLink(child).toString(), c));
                } else if (covered(c)) {
                    continue;
                } else if (inside(c) && Files.isDirectory(child)) {
                    a.addAll(List.of("--dir", c));
                    linkEntries(child, a);
                } else {
                    a.addAll(List.of("--symlink", HOST + c, c));
                }
            }
        }
    }

    private boolean covered(String path) {
        return mounts.stream().anyMatch(m -> m.destination().equals(path));
    }

    private boolean inside(String path) {
        return mounts.stream().anyMatch(m -> m.destination().startsWith(path + "/"));
    }
}
