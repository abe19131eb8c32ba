package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One engine host per lab home: started by the first lab process, shown and stopped by
 * {@code lab engine}, gone on its own when idle, and reached from a real bash through the shims.
 */
class EngineHostTest {
    private static final Map<String, String> LONG = Map.of("LAB_ENGINE_IDLE", "60");
    @TempDir Path tmp;

    private Path home() { return tmp.resolve("home"); }

    @AfterEach
    void stopHost() throws Exception {
        Child.run(home(), "", "engine", "stop");
    }

    private Path workspace(int port) throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("docker-compose.yml"), "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
                + "    container_name: ls-host-test\n    ports:\n      - \"127.0.0.1:" + port + ":4566\"\n"
                + "    environment:\n      - AWS_DEFAULT_REGION=eu-west-1\n");
        return ws;
    }

    private long pid() throws Exception {
        var status = Child.run(home(), LONG, "", "engine", "status");
        var m = Pattern.compile("engine host: pid (\\d+)").matcher(status.out());
        assertTrue(m.find(), status.out());
        return Long.parseLong(m.group(1));
    }

    @Test
    void theFirstProcessStartsTheHostStatusShowsItAnotherEngineIsRefusedAndStopEndsIt() throws Exception {
        var env = Child.run(home(), LONG, "", "env");
        assertEquals(0, env.exitCode(), env.out());
        Path engineDir = home().resolve("state/engine");
        assertTrue(env.out().contains("export LAB_ENGINE_SOCKET='" + engineDir.resolve("host.sock") + "'"), env.out());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(engineDir)));
        for (String shim : List.of("docker", "docker-compose", "aws", "awslocal")) assertTrue(Files.isExecutable(engineDir.resolve("bin/" + shim)));

        var status = Child.run(home(), LONG, "", "engine", "status");
        assertEquals(0, status.exitCode(), status.out());
        assertTrue(status.out().contains("embedded engine, edition community-4.14") && status.out().contains("client(s), socket "), status.out());

        var other = Child.run(home(), LONG, "", "env", "--engine", "docker");
        assertEquals(2, other.exitCode(), other.out());
        assertTrue(other.out().contains("runs embedded engine, edition community-4.14, not docker engine, edition community-4.14")
                && other.out().contains("lab engine stop"), other.out());

        long pid = pid();
        var stop = Child.run(home(), "", "engine", "stop");
        assertTrue(stop.out().contains("engine host stopped"), stop.out());
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join());
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the host process ended");
        assertEquals(3, Child.run(home(), "", "engine", "status").exitCode());
    }

    @Test
    void theHostStopsOnItsOwnAfterItsLastClientLeft() throws Exception {
        assertEquals(0, Child.run(home(), Map.of("LAB_ENGINE_IDLE", "1"), "", "env").exitCode());
        long pid = pid();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) Thread.sleep(100);
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the idle host ended");
        assertTrue(Files.readString(home().resolve("state/engine/host.log")).contains("no client for"));
    }

    @Test
    void shimsInAPipedLabShellReachTheEngineAndASecondShellSeesTheSameState() throws Exception {
        Path ws = workspace(14566);
        var first = Child.run(home(), LONG, """
                docker compose up -d
                docker compose ps
                awslocal s3 mb s3://shared-bucket
                LAB_AWS_CLI=builtin aws s3 ls
                aws --version
                aws s3 ls
                echo "region=$AWS_DEFAULT_REGION endpoint=$AWS_ENDPOINT_URL"
                docker volume rm x || echo "rm status $?"
                (exit 3)
                """, "shell", "--workspace", ws.toString());
        String out = first.out();
        assertEquals(3, first.exitCode(), out);
        assertTrue(out.contains("Container ls-host-test") && out.contains("Started"), out);
        assertTrue(out.contains("ls-host-test") && out.contains("127.0.0.1:14566->4566/tcp"), out);
        assertTrue(out.contains("make_bucket: shared-bucket"), out);
        assertTrue(out.contains("aws-cli/"), "the real AWS CLI answered --version: " + out);
        assertEquals(2, out.lines().filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\d .* shared-bucket")).count(), "built-in and real aws s3 ls: " + out);
        assertTrue(out.contains("region=eu-west-1 endpoint=http://localhost:14566"), out);
        assertTrue(out.contains("docker volume rm is not supported") && out.contains("rm status 1"), out);

        long pid = pid();
        var second = Child.run(home(), LONG, "LAB_AWS_CLI=builtin awslocal s3 ls\n", "shell", "--workspace", ws.toString());
        assertEquals(0, second.exitCode(), second.out());
        assertTrue(second.out().contains("shared-bucket"), second.out());
        assertEquals(pid, pid(), "both shells used one host");
    }

    @Test
    void labEnvEvaluatedInBashPutsTheShimsOnPathAndMinusUUndoesIt() throws Exception {
        Path ws = workspace(14567);
        String lab = String.join(" ", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                "'" + System.getProperty("java.class.path") + "'", "-Dlab.home=" + home(), "-Dlab.root=" + Path.of("").toAbsolutePath(),
                "dev.lab.cli.Main"));
        String script = "lab() { " + lab + " \"$@\"; }\n"
                + "eval \"$(lab env --workspace " + ws + ")\"\n"
                + "echo \"docker=$(command -v docker)\"\n"
                + "echo \"endpoint=$AWS_ENDPOINT_URL\"\n"
                + "cd " + ws + " && docker compose up -d >/dev/null && LAB_AWS_CLI=builtin awslocal s3 mb s3://from-env\n"
                + "eval \"$(lab env -u)\"\n"
                + "echo \"after=$(command -v docker || echo none) endpoint=${AWS_ENDPOINT_URL:-unset}\"\n";
        var pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        pb.environment().putAll(LONG);
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertTrue(out.contains("docker=" + home().resolve("state/engine/bin/docker")), out);
        assertTrue(out.contains("endpoint=http://localhost:14567"), out);
        assertTrue(out.contains("make_bucket: from-env"), out);
        assertTrue(out.contains("endpoint=unset") && !out.contains("after=" + home()), out);
    }

    @Test
    void aLabHomeTooDeepForAUnixSocketPathStillGetsItsHost() throws Exception {
        Path deep = Files.createDirectories(tmp.resolve("a-folder-name-that-is-long/".repeat(4)).resolve("home"));
        Path ws = workspace(14568);
        var r = Child.run(deep, Map.of("LAB_ENGINE_IDLE", "0"), "docker compose up -d\nawslocal s3 mb s3://deep-bucket\nawslocal s3 ls\ndocker compose down\n", "shell", "--workspace", ws.toString());
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("deep-bucket"), r.out());
        var env = Child.run(deep, Map.of("LAB_ENGINE_IDLE", "0"), "", "env");
        assertFalse(env.out().contains(deep.toString() + "/state/engine/host.sock"), "a socket path of over 100 bytes is moved: " + env.out());
    }
}
