package dev.lab.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeParserTest {

    static final String NAMED_VOLUME = """
            services:
              localstack:
                image: localstack/localstack:4.14.0
                container_name: localstack
                ports:
                  - "127.0.0.1:4566:4566"
                environment:
                  - SERVICES=s3
                  - PERSISTENCE=1
                volumes:
                  - localstack-data:/var/lib/localstack
                  - ./init-scripts:/etc/localstack/init/ready.d
                healthcheck:
                  test: ["CMD", "curl", "-f", "http://localhost:4566/_localstack/health"]
                  interval: 10s
                  timeout: 5s
                  retries: 5
              blog-service:
                image: portal-universe/blog-service:latest
                container_name: blog-service
                ports: ["127.0.0.1:8081:8081"]
                environment:
                  AWS_S3_ENDPOINT: http://localstack:4566
                depends_on: [localstack]
            volumes:
              localstack-data:
            """;

    @TempDir
    Path dir;

    @Test
    void parsesTheNamedVolumeVariant() throws IOException {
        Path file = Files.writeString(dir.resolve("named-volume.yml"), NAMED_VOLUME);
        ComposeFile compose = ComposeParser.parse(file);
        assertEquals(file, compose.source());
        assertEquals(List.of("localstack", "blog-service"), List.copyOf(compose.services().keySet()));
        Service localstack = compose.services().get("localstack");
        assertEquals("localstack/localstack:4.14.0", localstack.image());
        assertEquals("localstack", localstack.displayName());
        assertEquals(2, localstack.line());
        assertEquals(List.of(new PortMapping("127.0.0.1", 4566, 4566)), localstack.ports());
        assertEquals(List.of("SERVICES", "PERSISTENCE"), List.copyOf(localstack.environment().keySet()));
        assertEquals("1", localstack.environment().get("PERSISTENCE"));
        assertEquals(List.of(new Mount(Mount.Type.VOLUME, "localstack-data", "/var/lib/localstack", false),
                new Mount(Mount.Type.BIND, "./init-scripts", "/etc/localstack/init/ready.d", false)), localstack.volumes());
        assertEquals(new Healthcheck(List.of("CMD", "curl", "-f", "http://localhost:4566/_localstack/health"),
                Duration.ofSeconds(10), Duration.ofSeconds(5), 5), localstack.healthcheck());
        assertNull(localstack.user());
        Service blog = compose.services().get("blog-service");
        assertEquals(18, blog.line());
        assertEquals(Map.of("AWS_S3_ENDPOINT", "http://localstack:4566"), blog.environment());
        assertEquals(java.util.Map.of("localstack", Service.STARTED), blog.dependsOn());
        assertNull(blog.healthcheck());
        assertEquals(Map.of("localstack-data", new VolumeDef("localstack-data", false, null)), compose.volumes());
        assertEquals(List.of(), compose.networks());
        assertNull(compose.projectName());
    }

    @Test
    void parsesTheNoVolumeVariant() {
        String noVolume = NAMED_VOLUME.replace("      - localstack-data:/var/lib/localstack\n", "")
                .replace("volumes:\n  localstack-data:\n", "");
        ComposeFile compose = ComposeParser.parse(Path.of("no-volume.yml"), noVolume);
        assertEquals(List.of(Mount.Type.BIND), compose.service("localstack").volumes().stream().map(Mount::type).toList());
        assertEquals(Map.of(), compose.volumes());
    }

    @Test
    void findsServicesByNameOrContainerName() {
        ComposeFile compose = ComposeParser.parse(Path.of("c.yml"), """
                services:
                  app:
                    image: nginx
                    container_name: web
                """);
        assertSame(compose.services().get("app"), compose.service("app"));
        assertSame(compose.services().get("app"), compose.service("web"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> compose.service("db"));
        assertEquals("no service or container 'db' in c.yml (services: app)", e.getMessage());
    }
}
