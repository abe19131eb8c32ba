package dev.lab.engine.embedded;

import dev.lab.compose.Mount;
import dev.lab.compose.Service;
import dev.lab.engine.EngineException;
import dev.lab.engine.MountInfo;
import dev.lab.engine.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code docker create} for a compose service: its name, id, layer folder and mounts (binds inside the workspace,
 * named and anonymous volumes, the LocalStack image's {@code VOLUME}). Callers hold the engine's lock.
 */
record Creation(ContainerTable containers, ContainerStore store, VolumeStore volumes, DaemonFolders daemonFolders, Images images) {
    static final String LOCALSTACK_VOLUME = "/var/lib/localstack";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Creates and records the container of {@code s}; a recreated one is handed its predecessor's anonymous
     * volumes in {@code anonymousToKeep}, as Compose does.
     */
    Container create(Project project, Service s, List<MountInfo> anonymousToKeep) throws EngineException {
        String name = s.containerName() != null ? s.containerName() : project.name() + "-" + s.name() + "-1";
        Container clash = containers.named(name);
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
        containers.put(c);
        store.save(c);
        return c;
    }

    /** The service's bind mounts as the container would see them, for checking a script path before anything starts. */
    static List<MountInfo> binds(Project project, Service s) {
        return s.volumes().stream().filter(m -> m.type() == Mount.Type.BIND)
                .map(m -> new MountInfo("bind", null, project.workdir().resolve(m.source()).normalize().toString(), m.target(), true))
                .toList();
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

    private static String newId() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
