package dev.lab.hooks;

import dev.lab.engine.MountInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment of a program run "in" an embedded container (an init hook, a one-shot {@code command}, a
 * healthcheck, a {@code docker exec}): the container's own variables, its host name, the emulator as the AWS
 * endpoint, the runner's additions, and the lab's commands in front of {@code PATH}.
 */
final class ContainerEnvironment {
    /** Docker's {@code PATH} for an image that sets none. */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ContainerEnvironment() {}

    /**
     * @param container the container's variables (the image's and the service's)
     * @param endpoint  the emulator's URL on this host, or null when the container reaches none
     * @param basePath  the {@code PATH} the lab's folders go in front of: the container's, or the host's when unconfined
     */
    static Map<String, String> of(Map<String, String> container, String hostname, String endpoint, List<MountInfo> mounts,
                                  HookEnvironment extra, String basePath) {
        var env = new LinkedHashMap<>(container);
        env.put("HOSTNAME", hostname);
        // The container reaches LocalStack on localhost:4566; here the emulator may listen elsewhere.
        if (endpoint != null) env.putIfAbsent("AWS_ENDPOINT_URL", endpoint);
        env.putAll(extra.env());
        env.put("PATH", String.join(":", searchPath(extra, basePath)));
        // The lab's built-in aws runs in the engine host, outside the container: it maps the program's
        // container paths (`awslocal s3 sync /s3-backup …`) to their host folders with this.
        env.put(dev.lab.shell.LabCommands.MOUNTS, mounts.stream().filter(m -> m.source() != null)
                .map(m -> m.destination() + "\t" + m.source()).collect(Collectors.joining("\n")));
        return env;
    }

    /** The container's {@code PATH}, or Docker's default when it sets none. */
    static String path(Map<String, String> container) {
        return container.getOrDefault("PATH", DEFAULT_PATH);
    }

    /** The folders a program name is looked up in: the lab's first, then {@code basePath}'s. */
    static List<String> searchPath(HookEnvironment extra, String basePath) {
        var dirs = new ArrayList<String>();
        extra.path().forEach(p -> dirs.add(p.toString()));
        for (String d : basePath.split(":")) if (!d.isEmpty()) dirs.add(d);
        return dirs;
    }
}
