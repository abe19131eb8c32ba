package dev.lab.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import dev.lab.compose.ImageRef;
import dev.lab.compose.Mount;
import dev.lab.compose.PortMapping;
import dev.lab.compose.Service;
import dev.lab.engine.Project;
import java.util.ArrayList;
import java.util.List;

/** Turns a compose service into a Docker create-container request, the way Compose would. */
final class Specs {
    private Specs() {}

    static String containerName(Project p, Service s) {
        return s.containerName() != null ? s.containerName() : p.name() + "-" + s.name() + "-1";
    }

    static String network(Project p) { return p.name() + "_default"; }

    static CreateContainerCmd create(DockerClient docker, Project p, Service s) throws dev.lab.engine.EngineException {
        var env = new ArrayList<String>();
        dev.lab.engine.Environments.of(p, s).forEach((k, v) -> env.add(k + "=" + v));
        // A token in the runner's environment reaches LocalStack even when the compose file does not name it.
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank() && ImageRef.parse(s.image()).isLocalStack() && !s.environment().containsKey("LOCALSTACK_AUTH_TOKEN")) {
            env.add("LOCALSTACK_AUTH_TOKEN=" + token);
        }
        var exposed = new ArrayList<ExposedPort>();
        var bindings = new ArrayList<PortBinding>();
        for (PortMapping m : s.ports()) {
            var port = ExposedPort.tcp(m.containerPort());
            exposed.add(port);
            // Published on loopback only, whatever the file says: labs never expose LocalStack to the network.
            bindings.add(new PortBinding(m.hostPort() == 0 ? Ports.Binding.bindIp("127.0.0.1")
                    : Ports.Binding.bindIpAndPort("127.0.0.1", m.hostPort()), port));
        }
        var binds = new ArrayList<Bind>();
        var anonymous = new ArrayList<Volume>();
        for (Mount m : s.volumes()) {
            AccessMode mode = m.readOnly() ? AccessMode.ro : AccessMode.rw;
            switch (m.type()) {
                case BIND -> binds.add(new Bind(p.workdir().resolve(m.source()).normalize().toString(), new Volume(m.target()), mode));
                case VOLUME -> binds.add(new Bind(p.volumeName(m.source()), new Volume(m.target()), mode));
                default -> anonymous.add(new Volume(m.target()));
            }
        }
        var host = HostConfig.newHostConfig().withBinds(binds).withPortBindings(bindings).withNetworkMode(network(p))
                .withRestartPolicy(com.github.dockerjava.api.model.RestartPolicy.parse(s.run().restart()));
        var cmd = docker.createContainerCmd(s.image())
                .withName(containerName(p, s))
                .withEnv(env)
                .withLabels(Labels.container(p, s))
                .withExposedPorts(exposed)
                .withVolumes(anonymous)
                .withHostConfig(host)
                .withAliases(List.of(s.name()));
        if (s.user() != null) cmd.withUser(s.user());
        if (s.run().entrypoint() != null) cmd.withEntrypoint(s.run().entrypoint());
        if (s.run().command() != null) cmd.withCmd(s.run().command());
        if (s.run().workingDir() != null) cmd.withWorkingDir(s.run().workingDir());
        if (s.healthcheck() != null) {
            var h = s.healthcheck();
            cmd.withHealthcheck(new HealthCheck().withTest(h.test())
                    .withInterval(h.interval().toNanos()).withTimeout(h.timeout().toNanos()).withRetries(h.retries())
                    .withStartPeriod(h.startPeriod().toNanos()));
            // An engine older than 25 (API 1.44) ignores the field and probes every interval; Compose refuses the
            // file there, the lab runs it (a learner's Docker 20.10-24 still runs the lab, only more slowly).
            if (!h.startInterval().isZero()) cmd.getHealthcheck().withStartInterval(h.startInterval().toNanos());
        }
        return cmd;
    }
}
