package dev.lab.hooks;

import dev.lab.engine.EngineException;
import dev.lab.engine.ExecPlan;
import dev.lab.engine.embedded.ExecCall;
import dev.lab.engine.embedded.HookCall;
import dev.lab.engine.embedded.HookScripts;
import dev.lab.fs.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs the embedded LocalStack's init hooks as LocalStack 4.14 does ({@code subprocess.call([path])}
 * for {@code .sh}): a real exec of the file, so its execute bit and {@code #!} line decide and its
 * exit code is the verdict. In a {@link Sandbox} the hook sees the container's mounts at their container
 * paths, the host's system folders read-only, and the host network (the emulator's port); without one
 * it runs on the host (see {@link Unconfined}), unless this runner only runs confined hooks.
 */
public final class InitScripts implements HookScripts {
    private final HookEnvironment extra;
    private final Supplier<Sandbox> sandboxes;
    private final boolean confinedOnly;

    private InitScripts(HookEnvironment extra, Supplier<Sandbox> sandboxes, boolean confinedOnly) {
        this.extra = extra;
        this.sandboxes = sandboxes;
        this.confinedOnly = confinedOnly;
    }

    /**
     * Hooks run in this process's {@link Sandbox#detect() sandbox} (probed at the first hook) when one can
     * start, else unconfined with a notice once per process.
     */
    public static InitScripts of(HookEnvironment extra) {
        return new InitScripts(extra, Sandbox::detect, false);
    }

    /** As {@link #of(HookEnvironment)}, with the given sandbox (or {@link Sandbox#off}). */
    public static InitScripts of(HookEnvironment extra, Sandbox sandbox) {
        return new InitScripts(extra, () -> sandbox, false);
    }

    /**
     * Hooks run only in the sandbox; without one each hook fails with the reason and is not run at all
     * ({@code lab doctor --live}, which runs a stranger's compose file).
     */
    public static InitScripts confinedOnly(HookEnvironment extra, Sandbox sandbox) {
        return new InitScripts(extra, () -> sandbox, true);
    }

    @Override
    public int run(HookCall call, Consumer<String> log) throws Exception {
        Sandbox sandbox = sandboxes.get();
        if (!sandbox.available()) {
            if (confinedOnly) throw notConfined(sandbox);
            return unconfined(call, sandbox, log);
        }
        var layout = sandbox.layout(call.mounts(), visible());
        List<String> program = program(call, call.containerPath(), layout::resolve, call.env().get("PATH"));
        var env = environment(call, call.env().get("PATH"));
        return HookProcess.run(sandbox.command(layout, call.hostname(), program), env, Path.of("/"), log);
    }

    @Override
    public ExecPlan exec(ExecCall call) throws EngineException {
        return ContainerExec.plan(call, sandboxes.get(), extra, visible());
    }

    @Override
    public int run(ExecCall call, Consumer<String> out) throws Exception {
        Sandbox sandbox = sandboxes.get();
        if (!sandbox.available()) {
            if (confinedOnly) throw notConfined(sandbox);
            return Unconfined.run(call, sandbox, extra, out);
        }
        ExecPlan plan = ContainerExec.plan(call, sandbox, extra, visible());
        return HookProcess.run(plan.argv(), plan.env(), Path.of("/"), out);
    }

    private static IOException notConfined(Sandbox sandbox) {
        return new IOException("not run: hooks of a compose file under check run only in a sandbox, and none"
                + " can start here (" + sandbox.unavailableReason() + ")");
    }

    private int unconfined(HookCall call, Sandbox sandbox, Consumer<String> log) throws Exception {
        Unconfined.noticeOnce(sandbox, log);
        Path runnable = Unconfined.runnable(call.script(), call.mounts());
        try {
            String hostPath = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
            // The exec checks read the original (its mode and #! line); a copy only differs in mapped paths.
            List<String> program = program(call, runnable.toString(), p -> Optional.of(Path.of(p)), hostPath);
            var env = environment(call, hostPath);
            env.put("HOME", System.getProperty("user.home"));
            return HookProcess.run(program, env, call.script().getParent(), log);
        } finally {
            if (!runnable.equals(call.script())) FileTrees.delete(runnable.getParent());
        }
    }

    /** {@code [path]} for a {@code .sh} file after the exec checks; {@code python3 path} for a {@code .py} file. */
    private List<String> program(HookCall call, String path, java.util.function.Function<String, Optional<Path>> resolve,
                                 String basePath) throws IOException {
        if (call.script().toString().endsWith(".py")) {
            // LocalStack exec()s a .py hook in its own interpreter; the closest here is the host's python3.
            boolean found = ContainerEnvironment.searchPath(extra, basePath).stream()
                    .anyMatch(dir -> resolve.apply(dir + "/python3").filter(Files::isExecutable).isPresent());
            if (!found) throw new IOException("python3 not found: the embedded engine runs .py init hooks with python3");
            return List.of("python3", path);
        }
        var failure = ExecCheck.failure(call.script(), call.containerPath(), resolve);
        if (failure.isPresent()) throw new IOException(failure.get());
        return List.of(path);
    }

    private Map<String, String> environment(HookCall call, String basePath) {
        return ContainerEnvironment.of(call.env(), call.hostname(), call.endpoint(), call.mounts(), extra, basePath);
    }

    private List<Path> visible() {
        var all = new ArrayList<>(extra.path());
        all.addAll(extra.visible());
        return all.stream().distinct().collect(Collectors.toList());
    }
}
