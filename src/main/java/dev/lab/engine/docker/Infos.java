package dev.lab.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.EngineException;
import dev.lab.engine.MountInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads containers and their logs back from Docker into the engine's records. */
final class Infos {
    private Infos() {}

    static ContainerInfo container(InspectContainerResponse r) {
        var state = r.getState();
        ContainerInfo.State s = Boolean.TRUE.equals(state.getRestarting()) ? ContainerInfo.State.RESTARTING
                : Boolean.TRUE.equals(state.getRunning()) ? ContainerInfo.State.RUNNING
                : "created".equals(state.getStatus()) ? ContainerInfo.State.CREATED : ContainerInfo.State.EXITED;
        var mounts = new ArrayList<MountInfo>();
        if (r.getMounts() != null) {
            for (var m : r.getMounts()) {
                boolean bind = m.getName() == null || m.getName().isEmpty();
                mounts.add(new MountInfo(bind ? "bind" : "volume", bind ? null : m.getName(), m.getSource(),
                        m.getDestination().getPath(), Boolean.TRUE.equals(m.getRW())));
            }
        }
        var ports = new ArrayList<String>();
        var bindings = r.getHostConfig().getPortBindings();
        if (bindings != null) {
            bindings.getBindings().forEach((port, bs) -> {
                if (bs != null) for (var b : bs) ports.add(b.getHostIp() + ":" + b.getHostPortSpec() + "->" + port);
            });
        }
        var labels = r.getConfig().getLabels();
        String user = r.getConfig().getUser() == null ? "" : r.getConfig().getUser();
        return new ContainerInfo(r.getId(), r.getName().replaceFirst("^/", ""), labels.get(Labels.SERVICE), r.getConfig().getImage(),
                s, state.getExitCodeLong() == null ? 0 : state.getExitCodeLong().intValue(), user, mounts, ports,
                Instant.parse(r.getCreated()), health(state), time(state.getStartedAt()), time(state.getFinishedAt()),
                r.getRestartCount() == null ? 0 : r.getRestartCount(), restartPolicy(r.getHostConfig().getRestartPolicy()));
    }

    /** As compose writes it; Docker keeps an unset policy as an empty name. */
    private static String restartPolicy(com.github.dockerjava.api.model.RestartPolicy p) {
        if (p == null || p.getName() == null || p.getName().isEmpty()) return "no";
        return p.getMaximumRetryCount() != null && p.getMaximumRetryCount() > 0 ? p.getName() + ":" + p.getMaximumRetryCount() : p.getName();
    }

    private static String health(InspectContainerResponse.ContainerState state) {
        return state.getHealth() == null || !Boolean.TRUE.equals(state.getRunning()) || state.getHealth().getStatus() == null
                || state.getHealth().getStatus().equals("none") ? "" : state.getHealth().getStatus();
    }

    /** Docker's zero time {@code 0001-01-01T00:00:00Z} means never. */
    private static Instant time(String text) {
        if (text == null || text.startsWith("0001-")) return null;
        return Instant.parse(text);
    }

    static List<String> logs(DockerClient docker, String id) throws EngineException {
        var text = new StringBuilder();
        try {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withTailAll()
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override public void onNext(Frame f) { text.append(new String(f.getPayload(), StandardCharsets.UTF_8)); }
                    }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while reading logs");
        }
        return text.toString().lines().toList();
    }
}
