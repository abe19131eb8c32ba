package dev.lab.hooks;

import dev.lab.engine.MountInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether init hooks can run confined here: {@code bwrap} (Debian package {@code bubblewrap}) on the
 * {@code PATH}, and a probe run of the same kind of sandbox a hook gets succeeding. Probed once per
 * process; {@code LAB_SANDBOX=off} skips the probe and says so.
 */
public final class Sandbox {
    private static Sandbox detected;

    private final String bwrap;
    private final String unavailable;
    private final AtomicBoolean told = new AtomicBoolean();

    private Sandbox(String bwrap, String unavailable) {
        this.bwrap = bwrap;
        this.unavailable = unavailable;
    }

    /** This process's sandbox, probed on first use. */
    public static synchronized Sandbox detect() {
        if (detected == null) detected = probe(System.getenv());
        return detected;
    }

    /** No sandbox, for the given reason (a test, or a user who turned it off). */
    public static Sandbox off(String reason) {
        return new Sandbox(null, reason);
    }

    static Sandbox probe(Map<String, String> env) {
        if ("off".equalsIgnoreCase(env.getOrDefault("LAB_SANDBOX", ""))) return off("LAB_SANDBOX=off");
        String bwrap = onPath(env.getOrDefault("PATH", ""));
        if (bwrap == null) return off("bwrap not found; install the bubblewrap package");
        try {
            var command = new ArrayList<String>();
            command.add(bwrap);
            command.addAll(new SandboxArgs(List.of(), List.of()).build("probe"));
            command.addAll(List.of("--", "/bin/sh", "-c", "exit 0"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return off("bwrap did not finish its probe in 20 s");
            }
            if (p.exitValue() != 0) {
                String first = new String(out, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
                return off("bwrap cannot start a sandbox here (exit " + p.exitValue() + (first.isEmpty() ? "" : ": " + first) + ")");
            }
            return new Sandbox(bwrap, null);
        } catch (IOException e) {
            return off("bwrap cannot start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return off("interrupted while probing bwrap");
        }
    }

    private static String onPath(String path) {
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, "bwrap");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate.toString();
        }
        return null;
    }

    public boolean available() {
        return unavailable == null;
    }

    /** Why there is no sandbox; null when there is one. */
    public String unavailableReason() {
        return unavailable;
    }

    /** True the first time only: the unconfined notice is said once. */
    boolean firstUnconfinedRun() {
        return told.compareAndSet(false, true);
    }

    /** The layout of one hook's sandbox. */
    SandboxArgs layout(List<MountInfo> mounts, List<Path> visible) {
        return new SandboxArgs(mounts, visible);
    }

    /** The command that runs {@code program} in the sandbox laid out by {@code args}. */
    List<String> command(SandboxArgs args, String hostname, List<String> program) throws IOException {
        return command(args, hostname, List.of(), program);
    }

    /** As above, with further {@code bwrap} options after the layout's (a later {@code --chdir} wins). */
    List<String> command(SandboxArgs args, String hostname, List<String> options, List<String> program) throws IOException {
        if (bwrap == null) throw new IllegalStateException("no sandbox: " + unavailable);
        var command = new ArrayList<String>();
        command.add(bwrap);
        var layout = args.build(hostname);
        if (options.contains("--chdir")) {
            int at = layout.lastIndexOf("--chdir"); // the caller's own working directory replaces the layout's
            layout.subList(at, at + 2).clear();
        }
        command.addAll(layout);
        command.addAll(options);
        command.add("--");
        command.addAll(program);
        return command;
    }
}
