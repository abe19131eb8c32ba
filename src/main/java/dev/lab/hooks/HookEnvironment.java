package dev.lab.hooks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the runner adds to the environment of the init hooks it runs: folders put in front of
 * {@code PATH} (the lab's {@code awslocal}, {@code aws}, {@code docker}), variables, and other host
 * paths those commands need to see. In a sandbox, {@code path} and {@code visible} are bound
 * read-only at their own host paths; nothing else of the host's home is.
 *
 * @param path    folders put in front of the hook's {@code PATH}, in order
 * @param env     variables set for the hook (after the container's own)
 * @param visible further host paths (files, folders, sockets) the commands on {@code path} use
 */
public record HookEnvironment(List<Path> path, Map<String, String> env, List<Path> visible) {
    public HookEnvironment {
        path = List.copyOf(path);
        env = Map.copyOf(env);
        visible = List.copyOf(visible);
    }

    /**
     * The lab's own {@code awslocal}, {@code aws} and {@code docker} of an engine host in front of the hooks'
     * PATH, reaching that host; in a sandbox the host's folder (socket, client) and this JVM are bound
     * read-only so those commands can run.
     */
    public static HookEnvironment engineHost(Path binDir, Path socket, Path hostDir) {
        return new HookEnvironment(List.of(binDir),
                Map.of("LAB_ENGINE_SOCKET", socket.toString(), "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"),
                List.of(hostDir, Path.of(System.getProperty("java.home"))));
    }

    /** Nothing added: hooks see the container's environment only. */
    public static HookEnvironment none() {
        return new HookEnvironment(List.of(), Map.of(), List.of());
    }
}
