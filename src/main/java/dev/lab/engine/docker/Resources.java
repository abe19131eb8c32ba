package dev.lab.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import dev.lab.compose.Mount;
import dev.lab.compose.Service;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import dev.lab.engine.VolumeInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The project's networks and volumes, created with labels and removed only when they carry them. */
final class Resources {
    private Resources() {}

    static List<Container> containers(DockerClient docker, String project) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(DockerEngine.labelFilter(project)).exec();
    }

    static void network(DockerClient docker, Project p) {
        String name = Specs.network(p);
        if (docker.listNetworksCmd().withNameFilter(name).exec().stream().anyMatch(n -> n.getName().equals(name))) return;
        docker.createNetworkCmd().withName(name).withDriver("bridge").withLabels(Labels.network(p)).exec();
    }

    static void removeNetwork(DockerClient docker, Project p) {
        String name = Specs.network(p);
        docker.listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(n -> n.getName().equals(name) && "true".equals(n.getLabels().get(Labels.MANAGED)))
                .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
    }

    /** Creates the service's named volumes that are missing; an external one must already exist. */
    static void volumes(DockerClient docker, Project p, Service s) throws EngineException {
        for (Mount m : s.volumes()) {
            if (m.type() != Mount.Type.VOLUME) continue;
            String name = p.volumeName(m.source());
            var def = p.compose().volumes().get(m.source());
            try {
                docker.inspectVolumeCmd(name).exec();
            } catch (NotFoundException e) {
                if (def != null && def.external()) throw new EngineException("external volume \"" + name + "\" not found");
                docker.createVolumeCmd().withName(name).withLabels(Labels.volume(p, m.source())).exec();
            }
        }
    }

    static void removeVolume(DockerClient docker, String project, String name) {
        try {
            var v = docker.inspectVolumeCmd(name).exec();
            Map<String, String> labels = v.getLabels() == null ? Map.of() : v.getLabels();
            if (project.equals(labels.get(Labels.PROJECT)) && "true".equals(labels.get(Labels.MANAGED))) {
                docker.removeVolumeCmd(name).exec();
            }
        } catch (NotFoundException e) {
            // already gone
        }
    }

    static void purgeVolumesAndNetwork(DockerClient docker, String project) {
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(Labels.PROJECT + "=" + project, Labels.MANAGED + "=true"))
                .exec().getVolumes();
        if (volumes != null) volumes.forEach(v -> removeVolume(docker, project, v.getName()));
        docker.listNetworksCmd().exec().stream()
                .filter(n -> n.getLabels() != null && project.equals(n.getLabels().get(Labels.PROJECT))
                        && "true".equals(n.getLabels().get(Labels.MANAGED)))
                .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
    }

    /** Labelled volumes of the project, plus the anonymous volumes its containers use. */
    static List<VolumeInfo> volumesOf(DockerClient docker, String project, List<Container> containers) {
        var out = new LinkedHashMap<String, VolumeInfo>();
        var labelled = docker.listVolumesCmd().withFilter("label", List.of(Labels.PROJECT + "=" + project)).exec().getVolumes();
        if (labelled != null) {
            labelled.forEach(v -> out.put(v.getName(), new VolumeInfo(v.getName(), false, false, Path.of(v.getMountpoint()))));
        }
        for (Container c : containers) {
            for (ContainerMount m : c.getMounts() == null ? List.<ContainerMount>of() : c.getMounts()) {
                if (m.getDriver() != null && m.getName() != null && !m.getName().isEmpty() && !out.containsKey(m.getName())) {
                    out.put(m.getName(), new VolumeInfo(m.getName(), true, false, Path.of(m.getSource())));
                }
            }
        }
        return new ArrayList<>(out.values());
    }
}
