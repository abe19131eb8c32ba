package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash shims reach the engine host through its loopback door without starting a JVM, give the
 * same output, order and exit codes, and fall back to the Java client where the door refuses them
 * or the command needs the terminal ({@code docker exec}).
 */
class ShimDoorTest {
    private static final Map<String, String> LONG = Map.of("LAB_ENGINE_IDLE", "60");
    @TempDir Path tmp;

    private Path home() { return tmp.resolve("home"); }

    private Path engine() { return home().resolve("state/engine"); }

    @AfterEach
    void stopHost() throws Exception {
        Child.run(home(), "", "engine", "stop");
    }

    private Path workspace() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("docker-compose.yml"), "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
                + "    container_name: ls-door\n    ports:\n      - \"127.0.0.1:14569:4566\"\n");
        Files.writeString(ws.resolve("note.txt"), "hello\n");
        return ws;
    }

    private record Run(int code, String out) {}

    private Run bash(Path ws, String script) throws Exception {
        var pb = new ProcessBuilder("bash", "-c", script).directory(ws.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", engine().resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        pb.environment().put("LAB_AWS_CLI", "builtin");
        pb.environment().put("AWS_ENDPOINT_URL", "http://localhost:14569");
        pb.environment().remove("LAB_ENGINE_SOCKET");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    @Test
    void shimsUseTheDoorWithoutAJvmAndTheJavaClientWhereTheDoorRefuses() throws Exception {
        Path ws = workspace();
        assertEquals(0, Child.run(home(), LONG, "", "env", "--workspace", ws.toString()).exitCode());
        Path door = engine().resolve("door");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(door)));
        String published = Files.readString(door);
        assertTrue(published.matches("\\d+ [0-9a-f]{32}\n"), published);
        assertTrue(Files.readString(engine().resolve("bin/docker")).startsWith("#!/") && Files.readString(engine().resolve("bin/docker")).contains("/dev/tcp/127.0.0.1/"));

        // Without the Java client's jar, only the door can answer.
        Path jar = engine().resolve("client.jar");
        Path aside = tmp.resolve("client.jar");
        Files.move(jar, aside);
        var r = bash(ws, """
                docker compose up -d 2>&1
                awslocal s3 mb s3://door-bucket
                awslocal s3 cp note.txt 's3://door-bucket/한글 노트.txt'
                awslocal s3 ls s3://door-bucket/
                docker inspect no-such-container; echo "inspect status $?"
                docker compose ps | tail -n +2 | head -1
                docker volume rm x; echo "rm status $?"
                awslocal s3 cp s3://door-bucket/missing.txt -; echo "missing status $?"
                """);
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("Container ls-door") && r.out().contains("Started"), r.out());
        assertTrue(r.out().contains("make_bucket: door-bucket"), r.out());
        assertTrue(r.out().contains("한글 노트.txt"), r.out());
        assertTrue(r.out().contains("Error: No such object: no-such-container") && r.out().contains("inspect status 1"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("ls-door ") && l.contains(" Up ")), r.out());
        assertTrue(r.out().contains("rm status 1") && r.out().contains("missing status 1"), r.out());
        assertFalse(r.out().contains("Could not find or load main class"), "no command needed the Java client: " + r.out());

        // A door with the wrong token answers nothing: the shim falls back to the Java client, here missing, and fails.
        Files.writeString(door, published.replaceFirst(" [0-9a-f]{32}", " " + "0".repeat(32)));
        var refused = bash(ws, "docker ps\n");
        assertTrue(refused.code() != 0 && refused.out().contains("dev.lab.host.Client"), refused.out());

        // With the jar back, the same shim reaches the host through its socket.
        Files.move(aside, jar);
        var viaJava = bash(ws, "docker ps\n");
        assertEquals(0, viaJava.code(), viaJava.out());
        assertTrue(viaJava.out().contains("ls-door"), viaJava.out());

        Files.writeString(door, published);
        var stopped = Child.run(home(), "", "engine", "stop");
        assertTrue(stopped.out().contains("engine host stopped"), stopped.out());
        assertFalse(Files.exists(door), "the host removes its door when it stops");
    }

    @Test
    void dockerExecGoesToTheJavaClientWhichOwnsTheTerminal() throws Exception {
        Path ws = workspace();
        assertEquals(0, Child.run(home(), LONG, "", "env", "--workspace", ws.toString()).exitCode());
        var r = bash(ws, """
                docker compose up -d >/dev/null 2>&1
                docker exec ls-door sh -c 'echo from-exec; exit 3'; echo "exec status $?"
                docker exec -it ls-door true; echo "tty status $?"
                """);
        assertTrue(r.out().contains("from-exec") && r.out().contains("exec status 3"), r.out());
        assertTrue(r.out().contains("the input device is not a TTY") && r.out().contains("tty status 1"), r.out());
    }
}
