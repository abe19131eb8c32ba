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
 * {@code docker exec -u} by name, by number and with a group, and an unknown user or group, from {@code lab shell}:
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
            docker exec ls-user-tier sh -c 'id; echo "home=$HOME"'
            docker exec -u nosuch ls-user-tier id; echo "user=$?"
            docker exec -u localstack:nosuch ls-user-tier id; echo "group=$?"
            docker compose down -v >/dev/null 2>&1
            """;

    /** What Docker 20.10 answers on the locally built localstack/localstack:4.14.0. */
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
            unable to find user nosuch: no matching entries in passwd file
            user=126
            unable to find group nosuch: no matching entries in group file
            group=126
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
        Files.writeString(ws.resolve("docker-compose.yml"), """
                services:
                  localstack:
                    image: localstack/localstack:4.14.0
                    container_name: ls-user-tier
                    ports:
                      - "127.0.0.1:14581:4566"
                """);
        var cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "-Dlab.home=" + home.resolve("home"), "-Dlab.root=" + Path.of("").toAbsolutePath(), "dev.lab.cli.Main",
                "shell", "--workspace", ws.toString(), "--engine", engine, "--edition", "community-4.14");
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LAB_ENGINE_IDLE", "0");
        Process p = pb.start();
        p.getOutputStream().write(SCRIPT.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "lab shell on " + engine + " did not finish: " + out);
        Path socket = home.resolve("home/state/engine/host.sock");
        for (int i = 0; i < 300 && Files.exists(socket); i++) Thread.sleep(50);
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> !l.startsWith("starting the engine host")).map(l -> l + "\n")
                .collect(java.util.stream.Collectors.joining());
    }
}
