package dev.lab.hooks;

import dev.lab.engine.EngineException;
import dev.lab.engine.ExecPlan;
import dev.lab.engine.ExecRequest;
import dev.lab.engine.embedded.ExecCall;
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
        var env = ContainerEnvironment.of(call.env(), call.hostname(), call.endpoint(), call.mounts(), extra,
                ContainerEnvironment.path(call.env()));
        if (r.tty()) env.put("TERM", "xterm");
        env.putAll(r.env());
        String program = r.command().get(0);
        if (!program.contains("/") && ContainerEnvironment.searchPath(extra, ContainerEnvironment.path(call.env())).stream()
                .noneMatch(d -> layout.resolve(d + "/" + program).filter(Files::isExecutable).isPresent())) {
            throw new EngineException("OCI runtime exec failed: exec failed: unable to start container process: exec: \""
                    + program + "\": executable file not found in $PATH: unknown");
        }
        var options = new ArrayList<>(List.of("--chdir", r.workdir() != null ? r.workdir() : call.workdir()));
        if (r.workdir() != null) options.addAll(List.of("--dir", r.workdir())); // Docker creates a missing -w folder
        if (r.user() != null) options.addAll(user(r.user()));
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

    /** {@code -u root}, {@code -u UID[:GID]}: the sandbox's own user namespace maps the caller to that id. */
    private static List<String> user(String user) throws EngineException {
        String[] parts = user.split(":", 2);
        String uid = parts[0].equals("root") ? "0" : parts[0];
        String gid = parts.length > 1 ? (parts[1].equals("root") ? "0" : parts[1]) : uid;
        if (!uid.matches("\\d+") || !gid.matches("\\d+")) {
            throw new EngineException("unable to find user " + parts[0] + ": no matching entries in passwd file");
        }
        return List.of("--unshare-user", "--uid", uid, "--gid", gid);
    }
}
