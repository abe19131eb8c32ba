package dev.lab.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import dev.lab.compose.Service;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Dependencies;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.ExecPlan;
import dev.lab.engine.ExecRequest;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import dev.lab.engine.Project;
import dev.lab.engine.VolumeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Docker engine through docker-java, running the same compose subset as the embedded one.
 * Every container, volume and network it creates carries Compose's labels and lab's; it removes
 * only what carries them. Containers keep running when the runner exits, as with Compose.
 */
public final class DockerEngine implements Engine {
    private final DockerClient docker;
    private final Waits waits;
    private final String dockerHost;
    private String edition;
    private String reported;

    /** Connects to the daemon; {@code edition} is what checks assume until LocalStack reports its own. */
    public DockerEngine(String edition) throws EngineException {
        this.docker = DockerClients.connect();
        this.dockerHost = DefaultDockerClientConfig.createDefaultConfigBuilder().build().getDockerHost().toString();
        this.edition = edition;
        this.waits = new Waits(docker, (detected, version) -> {
            this.edition = detected;
            this.reported = detected + " " + version;
        });
    }

    @Override public String name() { return "docker"; }

    @Override public String edition() { return edition; }

    @Override public Optional<String> reported() { return Optional.ofNullable(reported); }

    @Override
    public synchronized void up(Project project, List<String> services) throws EngineException {
        var plan = Dependencies.order(project.compose(), services);
        for (Service s : plan) Images.ensure(docker, s.image());
        Resources.network(docker, project);
        var createdNow = new ArrayList<String>();
        try {
            for (Service s : plan) {
                Resources.volumes(docker, project, s);
                Optional<Container> existing = find(project, s.name());
                if (existing.isPresent() && !Labels.hash(s).equals(existing.get().getLabels().get(Labels.CONFIG_HASH))) {
                    remove(existing.get().getId(), false);
                    existing = Optional.empty();
                }
                String id;
                if (existing.isEmpty()) {
                    var create = Specs.create(docker, project, s);
                    id = call(() -> create.exec().getId());
                    createdNow.add(id);
                } else {
                    id = existing.get().getId();
                }
                if (!inspect(id).getState().getRunning()) {
                    awaitDependencies(project, s);
                    call(() -> docker.startContainerCmd(id).exec());
                    waits.ready(s, id);
                }
            }
        } catch (EngineException | RuntimeException e) {
            for (String id : createdNow) remove(id, true);
            throw e;
        }
    }

    @Override
    public synchronized void down(Project project, boolean removeVolumes) throws EngineException {
        for (Container c : list(project)) {
            if (project.compose().services().containsKey(c.getLabels().get(Labels.SERVICE))) remove(c.getId(), removeVolumes);
        }
        if (removeVolumes) {
            for (var e : project.compose().volumes().entrySet()) {
                if (!e.getValue().external()) Resources.removeVolume(docker, project.name(), project.volumeName(e.getKey()));
            }
        }
        if (list(project).isEmpty()) Resources.removeNetwork(docker, project);
    }

    @Override
    public synchronized void removeOrphans(Project project) throws EngineException {
        for (Container c : list(project)) {
            if (!project.compose().services().containsKey(c.getLabels().get(Labels.SERVICE))) remove(c.getId(), false);
        }
    }

    @Override
    public synchronized void purge(String project) throws EngineException {
        for (Container c : Resources.containers(docker, project)) remove(c.getId(), true);
        Resources.purgeVolumesAndNetwork(docker, project);
    }

    @Override
    public synchronized void stop(Project project, List<String> services) throws EngineException {
        for (Container c : select(project, services)) {
            try {
                docker.stopContainerCmd(c.getId()).withTimeout(10).exec();
            } catch (NotModifiedException e) {
                // already stopped
            }
        }
    }

    @Override
    public synchronized void start(Project project, List<String> services) throws EngineException {
        for (Container c : select(project, services)) {
            if (inspect(c.getId()).getState().getRunning()) continue;
            call(() -> docker.startContainerCmd(c.getId()).exec());
            waits.ready(project.compose().services().get(c.getLabels().get(Labels.SERVICE)), c.getId());
        }
    }

    @Override
    public synchronized void restart(Project project, List<String> services) throws EngineException {
        for (Container c : select(project, services)) {
            call(() -> docker.restartContainerCmd(c.getId()).withTimeout(10).exec());
            waits.ready(project.compose().services().get(c.getLabels().get(Labels.SERVICE)), c.getId());
        }
    }

    @Override
    public synchronized List<ContainerInfo> containers(Project project) {
        var out = new ArrayList<ContainerInfo>();
        for (Container c : list(project)) out.add(Infos.container(inspect(c.getId())));
        return out;
    }

    @Override
    public synchronized Optional<ContainerInfo> container(Project project, String nameOrId) {
        for (Container c : list(project)) {
            var info = Infos.container(inspect(c.getId()));
            if (info.name().equals(nameOrId) || info.service().equals(nameOrId)
                    || (nameOrId.length() >= 4 && info.id().startsWith(nameOrId))) return Optional.of(info);
        }
        return Optional.empty();
    }

    @Override
    public synchronized List<VolumeInfo> volumes(Project project) {
        return Resources.volumesOf(docker, project.name(), list(project));
    }

    @Override
    public synchronized List<String> logs(Project project, String nameOrId) throws EngineException {
        var info = container(project, nameOrId)
                .orElseThrow(() -> new EngineException("Error response from daemon: No such container: " + nameOrId));
        return Infos.logs(docker, info.id());
    }

    @Override
    public ExecPlan exec(Project project, ExecRequest request) throws EngineException {
        var info = container(project, request.container()).orElseThrow(() -> ExecRequest.noSuchContainer(request.container()));
        return DockerExec.plan(info, request, dockerHost);
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (java.io.IOException e) {
            // nothing left to release
        }
    }

    /** Compose's wait before a start: each dependency's {@code depends_on} condition. */
    private void awaitDependencies(Project project, Service s) throws EngineException {
        for (var dep : s.dependsOn().entrySet()) {
            long deadline = System.nanoTime() + dev.lab.engine.Conditions.DEPENDENCY_TIMEOUT.toNanos();
            while (true) {
                var info = container(project, dep.getKey());
                if (info.isEmpty() || dev.lab.engine.Conditions.met(info.get(), dep.getValue())) break;
                if (System.nanoTime() > deadline) {
                    throw new EngineException("timed out waiting for " + info.get().name() + " (" + dep.getValue() + ")");
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EngineException("interrupted while waiting for " + dep.getKey());
                }
            }
        }
    }

    private List<Container> list(Project project) { return Resources.containers(docker, project.name()); }

    private Optional<Container> find(Project project, String service) {
        return list(project).stream().filter(c -> service.equals(c.getLabels().get(Labels.SERVICE))).findFirst();
    }

    private List<Container> select(Project project, List<String> services) throws EngineException {
        for (String s : services) if (!project.compose().services().containsKey(s)) throw new EngineException("no such service: " + s);
        return list(project).stream().filter(c -> {
            String s = c.getLabels().get(Labels.SERVICE);
            return project.compose().services().containsKey(s) && (services.isEmpty() || services.contains(s));
        }).toList();
    }

    private InspectContainerResponse inspect(String id) { return docker.inspectContainerCmd(id).exec(); }

    private void remove(String id, boolean withAnonymousVolumes) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(withAnonymousVolumes).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /** Docker's own error text, one line, as the CLI would print it. */
    private static <T> T call(DockerCall<T> c) throws EngineException {
        try {
            return c.run();
        } catch (DockerException e) {
            throw new EngineException(DockerClients.rootMessage(e), e);
        }
    }

    private static void call(Runnable r) throws EngineException {
        call(() -> {
            r.run();
            return null;
        });
    }

    @FunctionalInterface
    private interface DockerCall<T> { T run(); }

    static Map<String, String> labelFilter(String project) { return Map.of(Labels.PROJECT, project, Labels.MANAGED, "true"); }
}
