package dev.lab.hooks;

import dev.lab.engine.EngineException;
import dev.lab.engine.ExecPlan;
import dev.lab.engine.ExecRequest;
import dev.lab.engine.embedded.ExecCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code docker exec} into an embedded container: the command runs in the same {@link Sandbox} as the
 * container's init hooks (its mounts at their container paths, its environment, the lab's commands on
 * {@code PATH}), started by the caller so that it gets the caller's terminal. Without a sandbox it is
 * refused: a command typed "in the container" must not run loose on the host.
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
        var env = new LinkedHashMap<>(call.env());
        env.putIfAbsent("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOSTNAME", call.hostname());
        if (call.endpoint() != null) env.putIfAbsent("AWS_ENDPOINT_URL", call.endpoint());
        env.putAll(extra.env());
        var path = new ArrayList<String>();
        extra.path().forEach(p -> path.add(p.toString()));
        path.add(env.get("PATH"));
        env.put("PATH", String.join(":", path));
        env.put(dev.lab.shell.LabCommands.MOUNTS, call.mounts().stream().filter(m -> m.source() != null)
                .map(m -> m.destination() + "\t" + m.source()).collect(Collectors.joining("\n")));
        if (r.tty()) env.put("TERM", "xterm");
        env.putAll(r.env());
        String program = r.command().get(0);
        if (!program.contains("/") && path(env.get("PATH")).stream()
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

    private static List<String> path(String path) {
        return java.util.Arrays.stream(path.split(":")).filter(d -> !d.isEmpty()).toList();
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
