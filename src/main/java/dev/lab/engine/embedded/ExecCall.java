package dev.lab.engine.embedded;

import dev.lab.engine.ExecRequest;
import dev.lab.engine.MountInfo;
import java.util.List;
import java.util.Map;

/**
 * One {@code docker exec} into a running embedded container, laid out as its init hooks are.
 *
 * @param mounts   the container's mounts at their container paths
 * @param env      the container's environment (the image's and the service's)
 * @param hostname the container's host name
 * @param endpoint the emulator's URL on this host, or null when the container serves none
 * @param workdir  the container's working directory
 * @param request  what the learner asked for
 */
public record ExecCall(List<MountInfo> mounts, Map<String, String> env, String hostname, String endpoint, String workdir,
                       ExecRequest request) {
    public ExecCall {
        mounts = List.copyOf(mounts);
        env = Map.copyOf(env);
    }
}
