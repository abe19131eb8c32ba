package dev.lab.hooks;

import dev.lab.engine.EngineException;
import dev.lab.engine.ExecPlan;
import dev.lab.engine.ExecRequest;
import dev.lab.engine.embedded.ExecCall;
import dev.lab.engine.embedded.ExecUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command run "in" an embedded container: in the same {@link Sandbox} as the container's init hooks (its
 * mounts at their container paths, its environment, the lab's commands on {@code PATH}). A {@code docker exec}
 * is handed as a plan to the caller, who owns the terminal; a one-shot {@code command} or a healthcheck runs the
 * same plan here to its end (see {@link OneShot}). Without a sandbox a {@code docker exec} is refused: a command
 * typed "in the container" must not run loose on the host.
 */
final class ContainerExec {
    private ContainerExec() {}

    static ExecPlan plan(ExecCall call, Sandbox sandbox, HookEnvironment extra, List<Path> visible) throws EngineException {
        if (!sandbox.available()) {
            throw new EngineException("docker exec: the embedded engine runs commands in a container only in a sandbox, and none"
                    + " can start here (" + sandbox.unavailableReason() + ")");
        }
        ExecRequest r = call.request();
        var layout = sandbox.layout(call.mounts(), visible);
        ExecUser user = user(r.user(), layout);
        var env = ContainerEnvironment.of(call.env(), call.hostname(), call.endpoint(), call.mounts(), extra,
                ContainerEnvironment.path(call.env()));
        if (r.tty()) env.put("TERM", "xterm");
        env.putIfAbsent("HOME", user.home()); // as runc does: the user's home unless the container sets HOME
        env.putAll(r.env());
        String program = r.command().get(0);
        if (!program.contains("/") && ContainerEnvironment.searchPath(extra, ContainerEnvironment.path(call.env())).stream()
                .noneMatch(d -> layout.resolve(d + "/" + program).filter(Files::isExecutable).isPresent())) {
            throw new EngineException("OCI runtime exec failed: exec failed: unable to start container process: exec: \""
                    + program + "\": executable file not found in $PATH: unknown");
        }
        var options = new ArrayList<>(List.of("--chdir", r.workdir() != null ? r.workdir() : call.workdir()));
        if (r.workdir() != null) options.addAll(List.of("--dir", r.workdir())); // Docker creates a missing -w folder
        // The sandbox's own user namespace maps the caller to the user, root without -u, whoever runs the engine.
        options.addAll(List.of("--unshare-user", "--uid", String.valueOf(user.uid()), "--gid", String.valueOf(user.gid())));
        try {
            var command = new ArrayList<>(sandbox.command(layout, call.hostname(), options, r.command()));
            // An interactive shell takes the terminal for its own process group and gives it back on exit to the group
            // it started in; in a PID namespace it cannot name that group, and the REPL would be left without its
            // terminal. A terminal session therefore shares the host's PID space (`ps` shows more than a container's).
            if (r.tty()) command.remove("--unshare-pid");
            return new ExecPlan(command, env, false, r.tty(), r.interactive());
        } catch (IOException e) {
            throw new EngineException("docker exec: cannot lay out the sandbox: " + e.getMessage(), e);
        }
    }

    /** {@code -u}'s user in the container's account files; without {@code -u}, root. */
    private static ExecUser user(String spec, SandboxArgs layout) throws EngineException {
        var passwd = lines(layout, "/etc/passwd");
        if (spec == null && passwd.isEmpty()) return new ExecUser(0, 0, "/");
        return ExecUser.resolve(spec != null ? spec : "root", passwd, lines(layout, "/etc/group"));
    }

    /** The lines of a file as the sandbox shows it; none when it has no such file. */
    private static List<String> lines(SandboxArgs layout, String path) {
        try {
            var file = layout.resolve(path);
            return file.isPresent() && Files.isRegularFile(file.get()) ? Files.readAllLines(file.get()) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
