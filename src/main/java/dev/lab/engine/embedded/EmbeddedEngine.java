package dev.lab.engine.embedded;

import dev.lab.compose.Service;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.ContainerInfo.State;
import dev.lab.engine.Dependencies;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.ExecPlan;
import dev.lab.engine.ExecRequest;
import dev.lab.engine.MountInfo;
import dev.lab.engine.Project;
import dev.lab.engine.VolumeInfo;
import dev.lab.fs.FileTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Docker and Compose emulated in process, with the semantics of {@code facts.md}: restart keeps
 * the container, {@code down} keeps volumes, {@code down -v} removes declared and anonymous
 * volumes but never binds or external volumes, the LocalStack image's {@code VOLUME}, and
 * container users that cannot write their volume.
 */
public final class EmbeddedEngine implements Engine {
    private final Path root;
    private final String edition;
    private final Images images;
    private final HookScripts hooks;
    private final VolumeStore volumes;
    private final ContainerStore store;
    private final Runs runs;
    private final ContainerTable containers = new ContainerTable(this);
    private final Creation creation;
    private final Snapshots snapshots;
    private long changes;

    /**
     * @param root    folder holding the engine's volumes and container layers
     * @param edition LocalStack edition profile: {@code pro} or {@code community-4.14}
     * @param hooks   runs LocalStack init-hook scripts against the emulator
     */
    public EmbeddedEngine(Path root, String edition, HookScripts hooks) {
        this.root = root;
        this.edition = edition;
        this.volumes = new VolumeStore(root.resolve("volumes"));
        this.store = new ContainerStore(root.resolve("containers"));
        var daemonFolders = new DaemonFolders(root.resolve("daemon-created-binds.properties"));
        this.hooks = hooks;
        this.images = new Images(edition, hooks, containers::resolveHost, daemonFolders);
        this.runs = new Runs(this, images, store, containers::holds, containers::endpointFor, this::changed);
        this.creation = new Creation(containers, store, volumes, daemonFolders, images);
        this.snapshots = new Snapshots(root, containers, store, volumes, runs);
        for (Container c : store.load()) containers.put(c);
        try {
            // Spares are only adoptable by the process that retired them (the record is in memory).
            FileTrees.deleteInside(root, spares());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot delete " + spares() + ": " + e.getMessage(), e);
        }
    }

    private Path spares() {
        return root.resolve("spares");
    }

    @Override public String name() { return "embedded"; }

    @Override public String edition() { return edition; }

    @Override
    public synchronized void up(Project project, List<String> services) throws EngineException {
        var plan = Dependencies.order(project.compose(), services);
        for (Service s : plan) images.check(s, Creation.binds(project, s));
        var createdNow = new ArrayList<Container>();
        var startedNow = new ArrayList<Container>();
        try {
            for (Service s : plan) {
                Container c = containers.find(project, s.name());
                List<MountInfo> keep = List.of();
                if (c != null && !c.spec.sameConfig(s)) {
                    // Compose recreates a changed container but hands its anonymous volumes to the new one.
                    var anonymous = c.anonymousVolumes();
                    keep = c.mounts.stream().filter(m -> anonymous.contains(m.name())).toList();
                    removeContainer(c, false);
                    c = null;
                }
                if (c == null) {
                    c = creation.create(project, s, keep);
                    createdNow.add(c);
                }
                if (!c.live()) {
                    awaitDependencies(project, s);
                    runs.start(project, c);
                    startedNow.add(c);
                }
            }
        } catch (EngineException | RuntimeException e) {
            for (Container c : startedNow) runs.halt(c);
            for (Container c : createdNow) removeContainer(c, true);
            throw e;
        }
    }

    @Override
    public synchronized void down(Project project, boolean removeVolumes) {
        for (Container c : containers.all()) {
            if (c.project.equals(project.name()) && project.compose().services().containsKey(c.spec.name())) {
                removeContainer(c, removeVolumes);
            }
        }
        if (!removeVolumes) return;
        project.compose().volumes().forEach((declared, def) -> {
            if (!def.external()) volumes.remove(project.volumeName(declared));
        });
    }

    @Override
    public synchronized void removeOrphans(Project project) {
        for (Container c : containers.all()) {
            if (c.project.equals(project.name()) && !project.compose().services().containsKey(c.spec.name())) removeContainer(c, false);
        }
    }

    @Override
    public synchronized void purge(String project) {
        for (Container c : containers.all()) if (c.project.equals(project)) removeContainer(c, true);
        volumes.purge(project);
    }

    @Override
    public synchronized void stop(Project project, List<String> services) throws EngineException {
        for (Container c : containers.select(project, services)) runs.halt(c);
    }

    @Override
    public synchronized void start(Project project, List<String> services) throws EngineException {
        // Docker's start leaves a restarting container to its policy.
        for (Container c : containers.select(project, services)) if (!c.live()) runs.start(project, c);
    }

    @Override
    public synchronized void restart(Project project, List<String> services) throws EngineException {
        for (Container c : containers.select(project, services)) {
            runs.halt(c);
            runs.start(project, c);
        }
    }

    @Override
    public synchronized List<ContainerInfo> containers(Project project) {
        return containers.of(project.name()).stream().map(Container::info).toList();
    }

    @Override
    public synchronized Optional<ContainerInfo> container(Project project, String nameOrId) {
        return Optional.ofNullable(containers.lookup(project, nameOrId)).map(Container::info);
    }

    @Override
    public List<VolumeInfo> volumes(Project project) { return volumes.list(project.name()); }

    @Override
    public synchronized List<String> logs(Project project, String nameOrId) throws EngineException {
        Container c = containers.lookup(project, nameOrId);
        if (c == null) throw new EngineException("Error response from daemon: No such container: " + nameOrId);
        synchronized (c.log) {
            return List.copyOf(c.log);
        }
    }

    /** Runs in the container's mounts and environment as its init hooks do: in the sandbox, never unconfined. */
    @Override
    public ExecPlan exec(Project project, ExecRequest request) throws EngineException {
        ExecCall call;
        synchronized (this) {
            Container c = containers.lookup(project, request.container());
            if (c == null) throw ExecRequest.noSuchContainer(request.container());
            if (c.state == State.RESTARTING) throw ExecRequest.restarting(c.id);
            if (c.runtime == null) throw ExecRequest.notRunning(c.id);
            boolean localstack = c.runtime instanceof LocalStackRuntime;
            var env = localstack ? LocalStackRuntime.hookEnvironment(c.env()) : c.env();
            int port = c.runtime.hostPort(LocalStackRuntime.PORT);
            call = ExecCall.exec(c, env, localstack && port > 0 ? "http://127.0.0.1:" + port : null,
                    localstack ? "/opt/code/localstack" : "/", request);
        }
        return hooks.exec(call);
    }

    @Override public boolean snapshots() { return true; }

    @Override
    public synchronized void saveState(String project, Path dir) throws EngineException { snapshots.save(project, dir); }

    @Override
    public synchronized void restoreState(String project, Path dir) throws EngineException { snapshots.restore(project, dir); }

    @Override
    public synchronized void close() {
        for (Container c : containers.all()) runs.halt(c);
        runs.close();
        dev.lab.emulator.LocalStackEmulator.releaseParked();
    }

    // A container's state or health changed: waits (up --wait, awaitChange) look again.
    private synchronized void changed() {
        changes++;
        notifyAll();
    }

    @Override
    public synchronized long changes() { return changes; }

    @Override
    public synchronized void awaitChange(long seen, java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        for (long left = max.toNanos(); changes == seen && left > 0; left = deadline - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /**
     * Waits, as Compose does before starting a service, for each dependency's condition; the engine's lock is
     * released while waiting so health monitors and one-shot commands can report.
     */
    private void awaitDependencies(Project project, Service s) throws EngineException {
        for (var dep : s.dependsOn().entrySet()) {
            Container d = containers.find(project, dep.getKey());
            if (d == null) continue;
            long deadline = System.nanoTime() + dev.lab.engine.Conditions.DEPENDENCY_TIMEOUT.toNanos();
            while (!dev.lab.engine.Conditions.met(d.info(), dep.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new EngineException("timed out waiting for " + d.name + " (" + dep.getValue() + ")");
                }
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EngineException("interrupted while waiting for " + d.name);
                }
            }
        }
    }

    private void removeContainer(Container c, boolean withAnonymousVolumes) {
        runs.halt(c);
        containers.remove(c);
        try {
            // A saved Pro S3 store is kept for the next container on the volume (down+up), not deleted file by file.
            if (!withAnonymousVolumes) LocalStackRuntime.retire(c, spares().resolve(c.id));
            FileTrees.deleteInside(root, c.layer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot delete " + c.layer + ": " + e.getMessage(), e);
        }
        if (withAnonymousVolumes) c.anonymousVolumes().forEach(volumes::remove);
    }
}
