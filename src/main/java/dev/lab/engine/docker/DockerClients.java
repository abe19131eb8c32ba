package dev.lab.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.lab.engine.EngineException;
import java.time.Duration;

/** Connects to the Docker engine named by {@code DOCKER_HOST}, or the default socket, and says clearly when it cannot. */
public final class DockerClients {
    private DockerClients() {}

    /**
     * Checks that the Docker engine answers, with the error {@link #connect()} gives: a client checks
     * before it starts an engine host, so the learner reads why, not the host's log.
     */
    public static void ping() throws EngineException {
        try {
            connect().close();
        } catch (java.io.IOException e) {
            // Closing a client that answered: nothing to report.
        }
    }

    static DockerClient connect() throws EngineException {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        var http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(Duration.ofMinutes(5))
                .build();
        DockerClient docker = DockerClientImpl.getInstance(config, http);
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new EngineException("cannot reach the Docker engine at " + config.getDockerHost()
                    + " (" + rootMessage(e) + "); start Docker, set DOCKER_HOST, or use --engine embedded", e);
        }
        return docker;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m).trim();
    }
}
