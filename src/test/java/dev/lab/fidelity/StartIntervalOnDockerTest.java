package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A healthcheck's {@code start_interval} on a real engine: Docker Engine 25+ (API 1.44) stores it and probes at that
 * pace during the start period; an older engine (Debian 12's 20.10 here) does not know the field, keeps the interval,
 * and the lab still runs the file (where Docker Compose would refuse it).
 */
class StartIntervalOnDockerTest {
    @TempDir Path ws;

    @Test
    void theEngineGetsTheStartIntervalAndProbesAtItsPaceWhenItKnowsIt() throws Exception {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        try (var ls = HealthcheckedLocalStack.up(ws, "hw-start-interval", "interval: 30s\nstart_period: 60s\nstart_interval: 100ms\n");
             DockerClient docker = DockerClientImpl.getInstance(config,
                     new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build())) {
            String api = docker.versionCmd().exec().getApiVersion();
            Long stored = docker.inspectContainerCmd("hw-start-interval").exec().getConfig().getHealthcheck().getStartInterval();
            Thread.sleep(3000);
            String health = ls.health();
            if (newerThan143(api)) {
                assertEquals(100_000_000L, stored, "API " + api + " stores StartInterval in ns");
                assertEquals("healthy", health, "API " + api + ": probed every 100 ms, not after the 30 s interval");
            } else {
                assertTrue(stored == null || stored == 0, "API " + api + " has no StartInterval: " + stored);
                assertEquals("starting", health, "API " + api + ": the first probe waits for the 30 s interval");
            }
        }
    }

    private static boolean newerThan143(String api) {
        String[] v = api.split("\\.");
        return Integer.parseInt(v[0]) > 1 || Integer.parseInt(v[1]) >= 44;
    }
}
