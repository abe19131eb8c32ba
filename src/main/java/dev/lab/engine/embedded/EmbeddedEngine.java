package dev.lab.engine.embedded;

import dev.lab.fs.FileTrees;
import dev.lab.compose.Mount;
import dev.lab.compose.Service;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Dependencies;
import dev.lab.engine.ContainerInfo.State;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
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

/**
 * Docker and Compose emulated in process, with the semantics of {@code facts.md}: restart keeps
 * the container, {@code down} keeps volumes, {@code down -v} removes declared and anonymous
 * volumes but never binds or external volumes, the LocalStack image's {@code VOLUME}, and
 * container users that cannot write their volume.
 */
public final class EmbeddedEngine implements Engine {
    static final String LOCALSTACK_VOLUME = "/var/lib/localstack";

    private final Path root;
    private final String edition;
    private final Images images;
    private final VolumeStore volumes;
    private final ContainerStore store;
    private final DaemonFolders daemonFolders;
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

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
        this.images = new Images(edition, hooks, this::resolveHost, daemonFolders);
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
        for (Service s : plan) images.check(s);
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
                if (c.state != State.RUNNING) {
                    run(c);
                    startedNow.add(c);
                }
            }
        } catch (EngineException | RuntimeException e) {
            for (Container c : startedNow) halt(c, 0);
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
        for (Container c : select(project, services)) halt(c, 0);
    }

    @Override
    public synchronized void start(Project project, List<String> services) throws EngineException {
        for (Container c : select(project, services)) if (c.state != State.RUNNING) run(c);
    }

    @Override
    public synchronized void restart(Project project, List<String> services) throws EngineException {
        for (Container c : select(project, services)) {
            halt(c, 0);
            run(c);
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

    @Override
    public synchronized void close() {
        for (Container c : containers.values()) halt(c, 0);
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

    private void run(Container c) throws EngineException {
        Runtime rt = images.runtime(c);
        try {
            rt.start();
            c.runtime = rt;
            c.state = State.RUNNING;
            c.exitCode = 0;
        } catch (Runtime.Exited e) {
            c.state = State.EXITED;
            c.exitCode = e.code;
        }
        store.save(c);
    }

    private void halt(Container c, int exitCode) {
        if (c.state != State.RUNNING) return;
        c.runtime.stop();
        c.runtime = null;
        c.state = State.EXITED;
        c.exitCode = exitCode;
        if (containers.containsKey(c.name)) store.save(c);
    }

    private void removeContainer(Container c, boolean withAnonymousVolumes) {
        halt(c, 0);
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
