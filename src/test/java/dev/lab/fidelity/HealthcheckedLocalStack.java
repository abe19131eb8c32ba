package dev.lab.fidelity;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import dev.lab.engine.docker.DockerEngine;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The setup of the Docker-tier health tests: one LocalStack 4.14 service (S3 only) whose healthcheck
 * runs {@code true}, named as its project, published on a free loopback port, up on the real Docker
 * engine; closing purges the project, then closes the engine.
 */
final class HealthcheckedLocalStack implements AutoCloseable {
    final DockerEngine engine;
    final Project project;
    final int port;

    private HealthcheckedLocalStack(DockerEngine engine, Project project, int port) {
        this.engine = engine;
        this.project = project;
        this.port = port;
    }

    /**
     * Writes the compose file into {@code ws} and runs {@code up}.
     *
     * @param healthcheck the healthcheck's keys besides {@code test}, one a line, e.g. {@code "interval: 1s\nretries: 1\n"}
     */
    static HealthcheckedLocalStack up(Path ws, String name, String healthcheck) throws Exception {
        int port;
        try (var s = new ServerSocket(0)) { port = s.getLocalPort(); }
        Files.writeString(ws.resolve("docker-compose.yml"), "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
                + "    container_name: " + name + "\n    ports: [\"127.0.0.1:" + port + ":4566\"]\n    environment: [SERVICES=s3]\n"
                + "    healthcheck:\n      test: [\"CMD\", \"true\"]\n" + healthcheck.indent(6));
        var project = new Project(name, ws, ComposeParser.parse(ws.resolve("docker-compose.yml")));
        var stack = new HealthcheckedLocalStack(DockerTier.engine(), project, port);
        try {
            stack.engine.up(stack.project, List.of());
        } catch (Exception | AssertionError e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** The container's health as the engine reports it ({@code starting}, {@code healthy}, …). */
    String health() {
        return engine.container(project, project.name()).orElseThrow().health();
    }

    @Override
    public void close() throws EngineException {
        try (engine) {
            engine.purge(project.name());
        }
    }
}
