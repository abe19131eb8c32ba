package dev.lab.fidelity;

import dev.lab.engine.EngineException;
import dev.lab.engine.docker.DockerEngine;
import org.junit.jupiter.api.Assumptions;

/**
 * Gate of the Docker-tier tests: they run against a real daemon with the locally built images.
 * Without a daemon they are skipped on a developer's machine, but {@code LAB_REQUIRE_DOCKER=1}
 * (set by {@code .ci/run}) turns a missing daemon into a failure, so CI never skips them.
 */
final class DockerTier {
    private DockerTier() {}

    static DockerEngine engine() {
        try {
            return new DockerEngine("community-4.14");
        } catch (EngineException e) {
            if ("1".equals(System.getenv("LAB_REQUIRE_DOCKER"))) {
                throw new AssertionError("LAB_REQUIRE_DOCKER=1 but " + e.getMessage(), e);
            }
            Assumptions.abort("no Docker engine here (" + e.getMessage() + "); CI runs these with LAB_REQUIRE_DOCKER=1");
            throw new IllegalStateException("unreachable");
        }
    }
}
