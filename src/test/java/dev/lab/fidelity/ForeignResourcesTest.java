package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.lab.compose.ComposeParser;
import dev.lab.engine.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker engine never removes what it did not create: a foreign container and volume survive down -v and purge. */
class ForeignResourcesTest {
    @TempDir Path tmp;

    @Test
    void foreignContainerAndVolumeSurviveDownMinusVAndPurge() throws Exception {
        try (var engine = DockerTier.engine(); DockerClient docker = client()) {
            String volume = "foreign_data"; // the very name the project would give its volume, but not created by lab
            docker.createVolumeCmd().withName(volume).exec();
            String foreign = docker.createContainerCmd("localstack/localstack:4.14.0").withName("lab-foreign-container")
                    .withLabels(java.util.Map.of("com.docker.compose.project", "foreign")).exec().getId();
            try {
                Path ws = Files.createDirectories(tmp.resolve("foreign"));
                Files.writeString(ws.resolve("docker-compose.yml"), "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
                        + "    ports:\n      - \"127.0.0.1:" + Scenario.PORT + ":4566\"\n    volumes:\n      - data:/var/lib/localstack\n"
                        + "volumes:\n  data:\n");
                var project = new Project("foreign", ws, ComposeParser.parse(ws.resolve("docker-compose.yml")));
                engine.up(project, List.of());
                engine.down(project, true);
                engine.purge("foreign");
                assertTrue(docker.listContainersCmd().withShowAll(true).exec().stream().anyMatch(c -> c.getId().equals(foreign)),
                        "a container with the same project label but not lab's survives");
                assertTrue(docker.listVolumesCmd().exec().getVolumes().stream().anyMatch(v -> v.getName().equals(volume)),
                        "an unlabelled volume survives down -v even under the name the file declares");
            } finally {
                docker.removeContainerCmd(foreign).withForce(true).exec();
                docker.removeVolumeCmd(volume).exec();
            }
        }
    }

    private static DockerClient client() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
    }
}
