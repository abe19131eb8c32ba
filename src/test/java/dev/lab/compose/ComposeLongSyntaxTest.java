package dev.lab.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeLongSyntaxTest {

    @Test
    void parsesLongSyntaxAndOtherForms() {
        ComposeFile compose = ComposeParser.parse(Path.of("c.yml"), """
                version: "3.8"
                name: persistence-lab
                services:
                  s3:
                    image: localstack/localstack
                    user: 1000
                    restart: unless-stopped
                    command: ["start"]
                    entrypoint: /bin/sh
                    ports:
                      - target: 4566
                        published: "14566"
                        host_ip: 127.0.0.1
                        protocol: tcp
                    environment:
                      DEBUG:
                      EMPTY: ""
                    volumes:
                      - type: volume
                        source: data
                        target: /data
                        read_only: true
                      - type: bind
                        source: ./files
                        target: /files
                      - type: volume
                        target: /cache
                    healthcheck:
                      test: curl -f http://localhost:4566 || exit 1
                    networks:
                      backend:
                        aliases: [storage]
                  app:
                    image: app
                    user: "1000:1000"
                    environment: [PATH_ONLY, "A=b=c"]
                    depends_on:
                      s3:
                        condition: service_healthy
                    networks: [backend, default]
                volumes:
                  data:
                    external: true
                    name: lab-data
                networks:
                  backend:
                """);
        assertEquals("persistence-lab", compose.projectName());
        Service s3 = compose.service("s3");
        assertEquals("1000", s3.user());
        assertEquals("s3", s3.displayName());
        assertEquals(List.of(new PortMapping("127.0.0.1", 14566, 4566)), s3.ports());
        assertNull(s3.environment().get("DEBUG"));
        assertTrue(s3.environment().containsKey("DEBUG"));
        assertEquals("", s3.environment().get("EMPTY"));
        assertEquals(List.of(new Mount(Mount.Type.VOLUME, "data", "/data", true), new Mount(Mount.Type.BIND, "./files", "/files", false),
                new Mount(Mount.Type.ANONYMOUS, null, "/cache", false)), s3.volumes());
        assertEquals(new Healthcheck(List.of("CMD-SHELL", "curl -f http://localhost:4566 || exit 1"),
                Duration.ZERO, Duration.ZERO, 0), s3.healthcheck(), "unset fields are the image's, else the daemon's defaults");
        assertEquals(List.of("backend"), s3.networks());
        Service app = compose.service("app");
        assertEquals("1000:1000", app.user());
        assertTrue(app.environment().containsKey("PATH_ONLY"));
        assertNull(app.environment().get("PATH_ONLY"));
        assertEquals("b=c", app.environment().get("A"));
        assertEquals(List.of("s3"), List.copyOf(app.dependsOn().keySet()));
        assertEquals(List.of("backend", "default"), app.networks());
        assertEquals(new VolumeDef("data", true, "lab-data"), compose.volumes().get("data"));
        assertEquals(List.of("backend"), compose.networks());
    }
}
