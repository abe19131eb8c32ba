package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker exec -u} by name, by number and with a group, an unknown user or group, and a service's {@code user:}
 * name (an exec without {@code -u}, a one-shot command), from {@code lab shell}:
 * the same lines and exit codes on the embedded engine as on Docker (the Docker tier), and the account files the
 * embedded engine gives each image are still the locally built images' own.
 */
class ExecUserOnEnginesTest {
    private static final String SCRIPT = """
            docker compose up -d >/dev/null 2>&1
            docker exec -u localstack ls-user-tier id
            docker exec -u localstack ls-user-tier sh -c 'echo "home=$HOME"; whoami'
            docker exec -u localstack:root ls-user-tier id
            docker exec -u root:localstack ls-user-tier id
            docker exec -u 1000 ls-user-tier id
            docker exec -u 1234 ls-user-tier sh -c 'id; echo "home=$HOME"'
            docker exec -u nobody ls-user-tier id
            docker exec -u root ls-user-tier sh -c 'id; echo "home=$HOME"'
            docker exec ls-user-tier sh -c 'id; echo "home=$HOME"'
            docker exec -u nosuch ls-user-tier id; echo "user=$?"
            docker exec -u localstack:nosuch ls-user-tier id; echo "group=$?"
            for i in $(seq 100); do docker logs who-user-tier 2>&1 | grep -q uid= && break; sleep 0.2; done
            docker logs who-user-tier
            docker compose down -v >/dev/null 2>&1
            """;

    /**
     * What Docker 20.10 answers on the locally built localstack/localstack:4.14.0: {@code -u} by name, number and
     * group; the service's {@code user:} (a name) for an exec without {@code -u} and for a one-shot command.
     */
    private static final String EXPECTED = """
            uid=1000(localstack) gid=1000(localstack) groups=1000(localstack)
            home=/home/localstack
            localstack
            uid=1000(localstack) gid=0(root) groups=0(root)
            uid=0(root) gid=1000(localstack) groups=1000(localstack)
            uid=1000(localstack) gid=1000(localstack) groups=1000(localstack)
            uid=1234 gid=0(root) groups=0(root)
            home=/
            uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)
            uid=0(root) gid=0(root) groups=0(root)
            home=/root
            uid=1000(localstack) gid=1000(localstack) groups=1000(localstack)
            home=/home/localstack
            unable to find user nosuch: no matching entries in passwd file
            user=126
            unable to find group nosuch: no matching entries in group file
            group=126
            /usr/sbin
            uid=1(daemon) gid=1000(localstack) groups=1000(localstack)
            """;

    @TempDir Path home;

    @Test
    void execUsersOnTheEmbeddedEngine() throws Exception {
        assertEquals(EXPECTED, shell("embedded"));
    }

    @Test
    void execUsersOnDocker() throws Exception {
        DockerTier.engine().close();
        assertEquals(EXPECTED, shell("docker"));
    }

    @Test
    void theEmbeddedImagesAccountFilesAreTheBuiltImagesOwn() throws Exception {
        DockerTier.engine().close();
        for (var image : List.of(List.of("localstack", "localstack/localstack:4.14.0"),
                List.of("blog-service", "portal-universe/blog-service:latest"))) {
            for (String file : List.of("passwd", "group")) {
                String resource = "/dev/lab/engine/embedded/etc/" + image.get(0) + "." + file;
                try (InputStream in = getClass().getResourceAsStream(resource)) {
                    assertTrue(in != null, resource);
                    assertEquals(docker("run", "--rm", "--entrypoint", "cat", image.get(1), "/etc/" + file),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8), resource + " against " + image.get(1));
                }
            }
        }
    }

    private static String docker(String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, String.join(" ", cmd));
        return out;
    }

    private String shell(String engine) throws Exception {
        Path ws = Files.createDirectories(home.resolve("ws-user"));
        // LocalStack runs as its image's user on a folder anyone may write, as it must there.
        Path data = Files.createDirectories(ws.resolve("data"));
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(ws.resolve("docker-compose.yml"), """
                services:
                  localstack:
                    image: localstack/localstack:4.14.0
                    container_name: ls-user-tier
                    user: localstack
                    ports:
                      - "127.0.0.1:14581:4566"
                    volumes:
                      - ./data:/var/lib/localstack
                  who:
                    image: localstack/localstack:4.14.0
                    container_name: who-user-tier
                    user: daemon:localstack
                    entrypoint: ["sh", "-c", "printenv HOME; id"]
                """);
        var run = PipedShell.run(home, ws, engine, SCRIPT);
        assertEquals(0, run.exit(), run.out());
        String out = run.out();
        return out.lines().filter(l -> !l.startsWith("starting the engine host")).map(l -> l + "\n")
                .collect(java.util.stream.Collectors.joining());
    }
}
