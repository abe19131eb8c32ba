package dev.lab.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import dev.lab.compose.ImageRef;
import dev.lab.compose.LocalStackEndpoint;
import dev.lab.compose.Service;
import dev.lab.engine.EngineException;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** Waits, after a start, until the service serves: LocalStack by its health and init endpoints, the blog-service by its health URL. */
final class Waits {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern EDITION = Pattern.compile("\"edition\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    private final DockerClient docker;
    private final BiConsumer<String, String> edition;

    /** @param edition told the edition profile and the version LocalStack reports in its health answer */
    Waits(DockerClient docker, BiConsumer<String, String> edition) {
        this.docker = docker;
        this.edition = edition;
    }

    /**
     * Waits until the service serves, not for LocalStack's READY hooks (its health endpoint answers before they end,
     * as on a real engine); {@code up --wait} and {@code depends_on: service_healthy} wait on the compose healthcheck.
     */
    void ready(Service s, String id) throws EngineException {
        var image = ImageRef.parse(s.image());
        if (s.run().overridesImage()) return;
        if (image.isLocalStack()) {
            int port = hostPort(id, LocalStackEndpoint.CONTAINER_PORT);
            if (port < 0) return;
            String health = Readiness.await(s.name(), "http://127.0.0.1:" + port + "/_localstack/health", TIMEOUT, () -> running(id));
            if (health != null) {
                var m = EDITION.matcher(health);
                var v = VERSION.matcher(health);
                if (m.find()) edition.accept(m.group(1).equals("community") ? "community-4.14" : m.group(1), v.find() ? v.group(1) : "?");
            }
        } else if (image.repository().endsWith("blog-service")) {
            int port = hostPort(id, 8081);
            if (port > 0) Readiness.await(s.name(), "http://127.0.0.1:" + port + "/actuator/health", TIMEOUT, () -> running(id));
        }
    }

    // Docker counts a restarting container as running; it serves nothing until its policy starts it again.
    private boolean running(String id) {
        var state = docker.inspectContainerCmd(id).exec().getState();
        return Boolean.TRUE.equals(state.getRunning()) && !Boolean.TRUE.equals(state.getRestarting());
    }

    private int hostPort(String id, int containerPort) {
        var bindings = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings()
                .get(ExposedPort.tcp(containerPort));
        if (bindings == null || bindings.length == 0) return -1;
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }
}
