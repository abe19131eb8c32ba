package dev.lab.engine.embedded;

import dev.lab.fs.AtomicProperties;
import dev.lab.fs.FileTrees;
import dev.lab.fs.TreeSnapshot;
import dev.lab.compose.Mount;
import dev.lab.compose.Service;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Dependencies;
import dev.lab.engine.ContainerInfo.State;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.ExecPlan;
import dev.lab.engine.ExecRequest;
import dev.lab.engine.MountInfo;
import dev.lab.engine.Project;
import dev.lab.engine.VolumeInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Docker and Compose emulated in process, with the semantics of {@code facts.md}: restart keeps
 * the container, {@code down} keeps volumes, {@code down -v} removes declared and anonymous
 * volumes but never binds or external volumes, the LocalStack image's {@code VOLUME}, and
 * container users that cannot write their volume.
 */
public final class EmbeddedEngine implements Engine {
    static final String LOCALSTACK_VOLUME = "/var/lib/localstack";
    private static final String STATE = "state.properties";

    private final Path root;
    private final String edition;
    private final Images images;
    private final HookScripts hooks;
    private final VolumeStore volumes;
    private final ContainerStore store;
    private final DaemonFolders daemonFolders;
    private final Runs runs;
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
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
        this.daemonFolders = new DaemonFolders(root.resolve("daemon-created-binds.properties"));
        this.hooks = hooks;
        this.images = new Images(edition, hooks, this::resolveHost, daemonFolders);
        this.runs = new Runs(this, images, store, c -> containers.get(c.name) == c, this::endpointFor, this::changed);
        for (Container c : store.load()) containers.put(c.name, c);
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
        for (Service s : plan) images.check(s, binds(project, s));
        var createdNow = new ArrayList<Container>();
        var startedNow = new ArrayList<Container>();
        try {
            for (Service s : plan) {
                Container c = find(project, s.name());
                List<MountInfo> keep = List.of();
                if (c != null && !c.spec.sameConfig(s)) {
                    // Compose recreates a changed container but hands its anonymous volumes to the new one.
                    var anonymous = c.anonymousVolumes();
                    keep = c.mounts.stream().filter(m -> anonymous.contains(m.name())).toList();
                    removeContainer(c, false);
                    c = null;
                }
                if (c == null) {
                    c = create(project, s, keep);
                    createdNow.add(c);
                }
                if (!c.live()) {
                    awaitDependencies(project, s);
                    runs.start(project, c);
                    startedNow.add(c);
                }
            }
        } catch (EngineException | RuntimeException e) {
            for (Container c : startedNow) runs.halt(c, 0);
            for (Container c : createdNow) removeContainer(c, true);
            throw e;
        }
    }

    @Override
    public synchronized void down(Project project, boolean removeVolumes) {
        for (Container c : List.copyOf(containers.values())) {
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
        for (Container c : List.copyOf(containers.values())) {
            if (c.project.equals(project.name()) && !project.compose().services().containsKey(c.spec.name())) removeContainer(c, false);
        }
    }

    @Override
    public synchronized void purge(String project) {
        for (Container c : List.copyOf(containers.values())) if (c.project.equals(project)) removeContainer(c, true);
        volumes.purge(project);
    }

    @Override
    public synchronized void stop(Project project, List<String> services) throws EngineException {
        for (Container c : select(project, services)) runs.halt(c, 0);
    }

    @Override
    public synchronized void start(Project project, List<String> services) throws EngineException {
        // Docker's start leaves a restarting container to its policy.
        for (Container c : select(project, services)) if (!c.live()) runs.start(project, c);
    }

    @Override
    public synchronized void restart(Project project, List<String> services) throws EngineException {
        for (Container c : select(project, services)) {
            runs.halt(c, 0);
            runs.start(project, c);
        }
    }

    @Override
    public synchronized List<ContainerInfo> containers(Project project) {
        return containers.values().stream().filter(c -> c.project.equals(project.name())).map(Container::info).toList();
    }

    @Override
    public synchronized Optional<ContainerInfo> container(Project project, String nameOrId) {
        return Optional.ofNullable(lookup(project, nameOrId)).map(Container::info);
    }

    @Override
    public List<VolumeInfo> volumes(Project project) { return volumes.list(project.name()); }

    @Override
    public synchronized List<String> logs(Project project, String nameOrId) throws EngineException {
        Container c = lookup(project, nameOrId);
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
            Container c = lookup(project, request.container());
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
    public synchronized void saveState(String project, Path dir) throws EngineException {
        try {
            // Synced, not replaced: a snapshot taken over an earlier one (the demo's next boundary) copies only what changed.
            Files.createDirectories(dir);
            var state = new Properties();
            var ids = new ArrayList<String>();
            for (Container c : containers.values()) {
                if (!c.project.equals(project)) continue;
                store.save(c);
                TreeSnapshot.take(c.layer, dir.resolve("containers").resolve(c.id));
                ids.add(c.id);
                if (c.state != State.RUNNING) continue;
                state.setProperty("running." + c.id, "true");
                c.runtime.states().forEach((k, v) -> state.setProperty("memory." + c.id + "." + k, v));
            }
            var names = volumes.list(project).stream().map(VolumeInfo::name).toList();
            for (String v : names) TreeSnapshot.take(volumes.folder(v), dir.resolve("volumes").resolve(v));
            dropOthers(dir.resolve("containers"), ids);
            dropOthers(dir.resolve("volumes"), names);
            state.setProperty("containers", String.join(",", ids));
            state.setProperty("volumes", String.join(",", names));
            AtomicProperties.store(dir.resolve(STATE), state, "embedded engine state of project " + project);
        } catch (IOException e) {
            throw new EngineException("cannot save the engine state in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the entries of {@code folder} not named in {@code keep}: what an earlier snapshot there held. */
    private static void dropOthers(Path folder, List<String> keep) throws IOException {
        if (!Files.isDirectory(folder)) return;
        try (var entries = Files.list(folder)) {
            for (Path e : entries.toList()) if (!keep.contains(e.getFileName().toString())) FileTrees.delete(e);
        }
    }

    @Override
    public synchronized void restoreState(String project, Path dir) throws EngineException {
        var state = new Properties();
        try (var r = Files.newBufferedReader(dir.resolve(STATE))) {
            state.load(r);
            var ids = List.of(state.getProperty("containers").split(",")).stream().filter(id -> !id.isEmpty()).toList();
            var saved = List.of(state.getProperty("volumes").split(",")).stream().filter(v -> !v.isEmpty()).toList();
            for (Container c : List.copyOf(containers.values())) {
                if (!c.project.equals(project)) continue;
                if (c.state == State.RUNNING && state.containsKey("running." + c.id)) {
                    // Same run in both: its program keeps serving, the files under it go back.
                    TreeSnapshot.restore(dir.resolve("containers").resolve(c.id), c.layer);
                    synchronized (c.log) {
                        c.log.clear();
                        c.log.addAll(ContainerStore.read(c.layer).log);
                    }
                    continue;
                }
                runs.halt(c, 0);
                containers.remove(c.name);
                FileTrees.deleteInside(root, c.layer);
            }
            for (var v : volumes.list(project)) if (!saved.contains(v.name())) volumes.remove(v.name());
            for (String v : saved) TreeSnapshot.restore(dir.resolve("volumes").resolve(v), volumes.folder(v));
            for (String id : ids) {
                if (containers.values().stream().anyMatch(c -> c.id.equals(id))) continue;
                TreeSnapshot.restore(dir.resolve("containers").resolve(id), store.layer(id));
                Container c = ContainerStore.read(store.layer(id));
                containers.put(c.name, c);
                if (state.containsKey("running." + id)) runs.resume(c, memory(state, id));
            }
        } catch (IOException | RuntimeException e) {
            throw new EngineException("cannot restore the engine state from " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> memory(Properties state, String id) {
        var out = new LinkedHashMap<String, String>();
        String prefix = "memory." + id + ".";
        for (String k : state.stringPropertyNames()) if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), state.getProperty(k));
        return out;
    }

    @Override
    public synchronized void close() {
        for (Container c : containers.values()) runs.halt(c, 0);
        runs.close();
        dev.lab.emulator.LocalStackEmulator.releaseParked();
    }

    private Container create(Project project, Service s, List<MountInfo> anonymousToKeep) throws EngineException {
        String name = s.containerName() != null ? s.containerName() : project.name() + "-" + s.name() + "-1";
        Container clash = containers.get(name);
        if (clash != null) {
            throw new EngineException("Conflict. The container name \"/" + name + "\" is already in use by container \""
                    + clash.id + "\" (project " + clash.project + ")");
        }
        String id = newId();
        var mounts = new ArrayList<MountInfo>();
        for (Mount m : s.volumes()) mounts.add(mount(project, m, anonymousToKeep));
        boolean imageVolumeCovered = s.volumes().stream().anyMatch(m -> m.target().equals(LOCALSTACK_VOLUME));
        if (images.declaresLocalStackVolume(s) && !imageVolumeCovered) {
            mounts.add(anonymous(project, LOCALSTACK_VOLUME, anonymousToKeep));
        }
        Path layer = store.layer(id);
        try {
            Files.createDirectories(layer.resolve("tmp"));
        } catch (IOException e) {
            throw new EngineException("cannot create container folder " + layer + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = Files.readString(project.compose().source());
        } catch (IOException e) {
            throw new EngineException("cannot read " + project.compose().source() + ": " + e.getMessage(), e);
        }
        var c = new Container(id, name, project.name(), s, layer, mounts, java.time.Instant.now(),
                project.compose().source(), text);
        containers.put(name, c);
        store.save(c);
        return c;
    }

    private MountInfo mount(Project project, Mount m, List<MountInfo> anonymousToKeep) throws EngineException {
        switch (m.type()) {
            case BIND -> {
                Path host = project.workdir().resolve(m.source()).normalize();
                if (!host.startsWith(project.workdir())) {
                    throw new EngineException("bind mount " + m.source() + " is outside the lab workspace "
                            + project.workdir() + "; the embedded engine only binds folders inside it");
                }
                try {
                    if (!Files.exists(host)) {
                        Files.createDirectories(host);
                        daemonFolders.created(host);
                    }
                } catch (IOException e) {
                    throw new EngineException("cannot create bind folder " + host + ": " + e.getMessage(), e);
                }
                return new MountInfo("bind", null, host.toString(), m.target(), !m.readOnly());
            }
            case VOLUME -> {
                var def = project.compose().volumes().get(m.source());
                boolean external = def != null && def.external();
                String name = project.volumeName(m.source());
                if (external && !volumes.exists(name)) {
                    throw new EngineException("external volume \"" + name + "\" not found");
                }
                Path data = volumes.ensure(name, project.name(), m.source(), false, external);
                return new MountInfo("volume", name, data.toString(), m.target(), !m.readOnly());
            }
            default -> {
                return anonymous(project, m.target(), anonymousToKeep);
            }
        }
    }

    private MountInfo anonymous(Project project, String target, List<MountInfo> anonymousToKeep) {
        for (MountInfo kept : anonymousToKeep) {
            if (kept.destination().equals(target) && volumes.exists(kept.name())) return kept;
        }
        String name = newId();
        Path data = volumes.ensure(name, project.name(), null, true, false);
        return new MountInfo("volume", name, data.toString(), target, true);
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
            Container d = find(project, dep.getKey());
            if (d == null) continue;
            long deadline = System.nanoTime() + dev.lab.engine.Conditions.DEPENDENCY_TIMEOUT.toNanos();
            while (!dev.lab.engine.Conditions.met(d.info(), project.compose().services().get(dep.getKey()), dep.getValue())) {
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

    /** Where a one-shot command's AWS calls go: its AWS_ENDPOINT_URL's host on the compose network, else the project's LocalStack. */
    private synchronized String endpointFor(String project, Container c) {
        String url = c.env().get("AWS_ENDPOINT_URL");
        if (url != null) {
            try {
                var uri = java.net.URI.create(url);
                var hp = resolveHost(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
                if (hp.isPresent()) return "http://" + hp.get();
                if (!uri.getHost().equals("localhost")) return url;
            } catch (IllegalArgumentException | NullPointerException e) {
                // not a URL: the command will say so itself
            }
        }
        for (Container other : containers.values()) {
            if (other.project.equals(project) && other.runtime != null
                    && other.runtime.hostPort(LocalStackRuntime.PORT) > 0) {
                return "http://127.0.0.1:" + other.runtime.hostPort(LocalStackRuntime.PORT);
            }
        }
        return "http://127.0.0.1:4566";
    }

    /** The service's bind mounts as the container would see them, for checking a script path before anything starts. */
    private static List<MountInfo> binds(Project project, Service s) {
        return s.volumes().stream().filter(m -> m.type() == Mount.Type.BIND)
                .map(m -> new MountInfo("bind", null, project.workdir().resolve(m.source()).normalize().toString(), m.target(), true))
                .toList();
    }

    private void removeContainer(Container c, boolean withAnonymousVolumes) {
        runs.halt(c, 0);
        containers.remove(c.name);
        try {
            // A saved Pro S3 store is kept for the next container on the volume (down+up), not deleted file by file.
            if (!withAnonymousVolumes) LocalStackRuntime.retire(c, spares().resolve(c.id));
            FileTrees.deleteInside(root, c.layer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot delete " + c.layer + ": " + e.getMessage(), e);
        }
        if (withAnonymousVolumes) c.anonymousVolumes().forEach(volumes::remove);
    }

    private List<Container> select(Project project, List<String> services) throws EngineException {
        var out = new ArrayList<Container>();
        for (Service s : project.compose().services().values()) {
            if (!services.isEmpty() && !services.contains(s.name())) continue;
            Container c = find(project, s.name());
            if (c != null) out.add(c);
        }
        for (String wanted : services) {
            if (!project.compose().services().containsKey(wanted)) throw new EngineException("no such service: " + wanted);
        }
        return out;
    }

    private Container find(Project project, String service) {
        return containers.values().stream()
                .filter(c -> c.project.equals(project.name()) && c.spec.name().equals(service))
                .findFirst().orElse(null);
    }

    private Container lookup(Project project, String nameOrId) {
        Container byName = containers.get(nameOrId);
        if (byName != null) return byName;
        Container byService = find(project, nameOrId);
        if (byService != null) return byService;
        return containers.values().stream().filter(c -> nameOrId.length() >= 4 && c.id.startsWith(nameOrId))
                .findFirst().orElse(null);
    }

    /** Resolves a host name as the compose network would (service or container name) to a loopback address. */
    private Optional<String> resolveHost(String host, int port) {
        for (Container c : containers.values()) {
            if ((c.name.equals(host) || c.spec.name().equals(host)) && c.runtime != null) {
                int hostPort = c.runtime.hostPort(port);
                if (hostPort > 0) return Optional.of("127.0.0.1:" + hostPort);
            }
        }
        return Optional.empty();
    }

    private String newId() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
