package dev.lab.engine.embedded;

import dev.lab.engine.MountInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One init hook to run as the LocalStack container would.
 *
 * @param script        the script's host path
 * @param containerPath its path in the container, e.g. {@code /etc/localstack/init/ready.d/01.sh}
 * @param endpoint      the emulator's URL on this host, e.g. {@code http://127.0.0.1:4566}
 * @param mounts        the container's mounts (binds and volumes' host folders at their container paths)
 * @param env           the environment LocalStack's process passes to its hooks
 * @param hostname      the container's host name (the first 12 characters of its id)
 */
public record HookCall(Path script, String containerPath, String endpoint, List<MountInfo> mounts,
                       Map<String, String> env, String hostname) {
    public HookCall {
        mounts = List.copyOf(mounts);
        env = Map.copyOf(env);
    }
}
