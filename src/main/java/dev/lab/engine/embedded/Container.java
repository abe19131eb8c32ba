package dev.lab.engine.embedded;

import dev.lab.compose.Service;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.ContainerInfo.State;
import dev.lab.engine.MountInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One emulated container; mutated only under the {@link EmbeddedEngine}'s lock (its runs, table, creation and snapshots). */
final class Container {
    final String id;
    final String name;
    final String project;
    final Service spec;
    final Path layer;
    final List<MountInfo> mounts;
    final Instant created;
    final Path composeSource;
    final String composeText;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    State state = State.CREATED;
    int exitCode;
    Runtime runtime;
    /** The environment of the current run (env files and {@code environment}), set by the engine before each start. */
    Map<String, String> environment;
    /** Written by the container's health monitor, read by the engine: {@code starting}, {@code healthy}, {@code unhealthy} or empty. */
    volatile String health = "";
    Instant started;
    Instant finished;
    HealthMonitor monitor;
    /** Its {@code restart:} policy, RestartCount and pending restart. */
    final RestartManager restarts;

    Container(String id, String name, String project, Service spec, Path layer, List<MountInfo> mounts,
              Instant created, Path composeSource, String composeText) {
        this.created = created;
        this.composeSource = composeSource;
        this.composeText = composeText;
        this.id = id;
        this.name = name;
        this.project = project;
        this.spec = spec;
        this.layer = layer;
        this.mounts = List.copyOf(mounts);
        this.restarts = new RestartManager(RestartPolicy.parse(spec.run().restart()));
    }

    /** The environment as the container sees it: a bare {@code KEY} takes the runner's own value, or is left out. */
    Map<String, String> env() {
        if (environment != null) return environment;
        var env = new LinkedHashMap<String, String>();
        spec.environment().forEach((k, v) -> {
            String value = v != null ? v : System.getenv(k);
            if (value != null) env.put(k, value);
        });
        return env;
    }

    /** Docker's {@code State.Running}: running, or restarting by its policy. */
    boolean live() { return state == State.RUNNING || state == State.RESTARTING; }

    /** The anonymous volumes attached to this container. */
    List<String> anonymousVolumes() {
        return mounts.stream().filter(m -> "volume".equals(m.type()) && m.name().length() == 64).map(MountInfo::name).toList();
    }

    ContainerInfo info() {
        var ports = spec.ports().stream()
                .map(p -> (p.hostIp() == null ? "0.0.0.0" : p.hostIp()) + ":" + p.hostPort() + "->" + p.containerPort() + "/tcp")
                .toList();
        return new ContainerInfo(id, name, spec.name(), spec.image(), state, exitCode,
                spec.user() == null ? "" : spec.user(), mounts, ports, created,
                state == State.RUNNING ? health : "", started, finished, restarts.count(), restarts.policy().text());
    }
}
