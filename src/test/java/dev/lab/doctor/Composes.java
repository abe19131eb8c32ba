package dev.lab.doctor;

import java.util.Set;
import java.util.stream.Collectors;

/** Compose texts for the doctor's tests: a file no rule fires on, and the rule ids of findings. */
final class Composes {
    private Composes() {}

    /** Fires nothing: pinned image, named volume, container name, health check; line numbers in the comments. */
    static final String GOOD = """
            services:
              localstack:
                image: localstack/localstack:4.14.0
                container_name: localstack
                ports:
                  - "127.0.0.1:4566:4566"
                environment:
                  - SERVICES=s3
                volumes:
                  - localstack-data:/var/lib/localstack
                healthcheck:
                  test: ["CMD", "curl", "-f", "http://localhost:4566/_localstack/health"]
              blog-service:
                image: portal-universe/blog-service:latest
                depends_on:
                  - localstack
            volumes:
              localstack-data:
            """;
    // Lines of GOOD: 2 service localstack, 3 image, 8 SERVICES=s3, 10 the volume, 13 blog-service.

    /** {@link #GOOD} with {@code from} replaced by {@code to}, failing loudly when {@code from} is not there. */
    static String good(String from, String to) {
        if (!GOOD.contains(from)) throw new IllegalArgumentException("not in GOOD: " + from);
        return GOOD.replace(from, to);
    }

    static Set<String> ids(java.util.List<Finding> findings) {
        return findings.stream().map(f -> f.rule().id()).collect(Collectors.toSet());
    }
}
