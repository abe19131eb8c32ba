package dev.lab.engine.embedded;

import dev.lab.engine.ExecRequest;
import dev.lab.engine.MountInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command run in an embedded container, laid out as its init hooks are: a {@code docker exec} into a running
 * container, or a one-shot {@code command} or healthcheck.
 *
 * @param mounts   the container's mounts at their container paths
 * @param env      the container's environment (the image's and the service's)
 * @param hostname the container's host name
 * @param endpoint the emulator's URL on this host, or null when the container serves none
 * @param workdir  the container's working directory
 * @param request  what to run
 */
public record ExecCall(List<MountInfo> mounts, Map<String, String> env, String hostname, String endpoint, String workdir,
                       ExecRequest request) {
    /** Where a command starts in the hook sandbox unless told otherwise (LocalStack's working folder). */
    static final String SANDBOX_WORKDIR = "/opt/code/localstack";

    public ExecCall {
        mounts = List.copyOf(mounts);
        env = Map.copyOf(env);
    }

    /**
     * A {@code docker exec} into {@code c}: its mounts with its account files, and its service's {@code user:} unless
     * {@code -u} names another, as Docker runs it.
     */
    static ExecCall exec(Container c, Map<String, String> env, String endpoint, String workdir, ExecRequest request) {
        var r = request.user() != null || c.spec.user() == null ? request : new ExecRequest(request.container(), request.command(),
                request.interactive(), request.tty(), c.spec.user(), request.workdir(), request.env());
        return new ExecCall(ImageAccounts.mounts(c), env, c.id.substring(0, Math.min(12, c.id.length())), endpoint, workdir, r);
    }

    /**
     * A one-shot command of {@code c} (its {@code command}, a healthcheck), without a terminal, as its service's user.
     *
     * @param workingDir the service's {@code working_dir} (made when missing), or null
     * @param endpoint   the emulator the command's AWS calls go to ({@code http://127.0.0.1:PORT}), or null
     */
    static ExecCall oneShot(Container c, List<String> argv, String workingDir, String endpoint) {
        var env = new LinkedHashMap<>(c.env());
        // The service's own AWS_ENDPOINT_URL names a host of the compose network (`http://localstack:4566`), which the
        // sandbox, on the host's network, cannot reach; the emulator's published port replaces it.
        if (endpoint != null) env.put("AWS_ENDPOINT_URL", endpoint);
        return new ExecCall(ImageAccounts.mounts(c), env, c.id.substring(0, Math.min(12, c.id.length())), endpoint, SANDBOX_WORKDIR,
                new ExecRequest(c.name, argv, false, false, c.spec.user(), workingDir, Map.of()));
    }
}
