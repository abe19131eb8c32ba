package dev.lab.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lab.engine.Engine;
import dev.lab.session.Engines;
import dev.lab.shell.Io;
import dev.lab.shell.LabCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker exec} on the embedded engine runs in the hooks' sandbox, as the asked user, and never without one. */
class ContainerExecTest {
    @TempDir Path tmp;

    private Path workspace() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("execlab"));
        Files.createDirectories(ws.resolve("data"));
        Files.writeString(ws.resolve("docker-compose.yml"), "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
                + "    container_name: exec-unit\n    ports:\n      - \"127.0.0.1:14573:4566\"\n"
                + "    volumes:\n      - ./data:/var/lib/localstack\n");
        return ws;
    }

    private static int run(Engine engine, Path ws, Io.Capture c, String... argv) {
        return LabCommands.run(engine, Map.of(), List.of(argv), ws, Map.of(), c.io());
    }

    @Test
    void withoutASandboxExecIsRefusedAndNothingRuns() throws Exception {
        Path ws = workspace();
        try (Engine engine = Engines.open("embedded", "community-4.14", tmp.resolve("engine"),
                InitScripts.of(HookEnvironment.none(), Sandbox.off("bwrap not found; install the bubblewrap package")))) {
            var c = new Io.Capture();
            assertEquals(0, run(engine, ws, c, "docker", "compose", "up", "-d"), c.err.toString());
            var e = new Io.Capture();
            assertEquals(1, run(engine, ws, e, "docker", "exec", "exec-unit", "touch", "/var/lib/localstack/escaped"));
            assertEquals(List.of("docker exec: the embedded engine runs commands in a container only in a sandbox, and none can start"
                    + " here (bwrap not found; install the bubblewrap package)"), e.err);
            assertFalse(Files.exists(ws.resolve("data/escaped")));
        }
    }

    @Test
    void userAndWorkdirAreTheAskedOnes() throws Exception {
        Path ws = workspace();
        try (Engine engine = Engines.open("embedded", "community-4.14", tmp.resolve("engine"), InitScripts.of(HookEnvironment.none()))) {
            var c = new Io.Capture();
            assertEquals(0, run(engine, ws, c, "docker", "compose", "up", "-d"), c.err.toString());
            var id = new Io.Capture();
            assertEquals(0, run(engine, ws, id, "docker", "exec", "-u", "1234:55", "-w", "/var/lib/localstack/new", "exec-unit",
                    "sh", "-c", "echo $(id -u):$(id -g) $(pwd)"), id.err.toString());
            assertEquals(List.of("1234:55 /var/lib/localstack/new"), id.out);
            assertEquals(true, Files.isDirectory(ws.resolve("data/new")), "Docker creates a missing -w folder");
            var bad = new Io.Capture();
            assertEquals(126, run(engine, ws, bad, "docker", "exec", "-u", "nobody-here", "exec-unit", "id"));
            assertEquals(List.of("unable to find user nobody-here: no matching entries in passwd file"), bad.err);
            var named = new Io.Capture();
            assertEquals(0, run(engine, ws, named, "docker", "exec", "-u", "localstack", "exec-unit", "sh", "-c", "id; echo $HOME"),
                    named.err.toString());
            assertEquals(List.of("uid=1000(localstack) gid=1000(localstack) groups=1000(localstack)", "/home/localstack"), named.out,
                    "the image's user, not the host's uid 1000");
            var root = new Io.Capture();
            assertEquals(0, run(engine, ws, root, "docker", "exec", "exec-unit", "sh", "-c", "id -un; echo $HOME"), root.err.toString());
            assertEquals(List.of("root", "/root"), root.out);
            var unknownGroup = new Io.Capture();
            assertEquals(126, run(engine, ws, unknownGroup, "docker", "exec", "-u", "localstack:staff-x", "exec-unit", "id"));
            assertEquals(List.of("unable to find group staff-x: no matching entries in group file"), unknownGroup.err);
            var flag = new Io.Capture();
            assertEquals(1, run(engine, ws, flag, "docker", "exec", "-d", "exec-unit", "id"));
            assertEquals(List.of("docker exec --detach is not supported by the lab's runner"
                    + " (supported: --interactive, --tty, --user, --workdir, --env)"), flag.err);
        }
    }

    @Test
    void aOneShotCommandRunsInTheSameSandboxAsAnExec() throws Exception {
        Path ws = workspace();
        Files.writeString(ws.resolve("docker-compose.yml"), Files.readString(ws.resolve("docker-compose.yml"))
                + "  tool:\n    image: amazon/aws-cli\n    container_name: exec-tool\n    working_dir: /work/made\n"
                + "    environment:\n      AWS_ENDPOINT_URL: http://localstack:4566\n"
                + "    volumes:\n      - ./data:/work\n    depends_on: [localstack]\n"
                + "    entrypoint: [\"sh\", \"-c\", \"echo $(pwd) $AWS_ENDPOINT_URL $HOSTNAME > out.txt; exit 3\"]\n");
        try (Engine engine = Engines.open("embedded", "community-4.14", tmp.resolve("engine"), InitScripts.of(HookEnvironment.none()))) {
            var c = new Io.Capture();
            assertEquals(0, run(engine, ws, c, "docker", "compose", "up", "-d"), c.err.toString());
            for (int i = 0; i < 100 && engine.container(project(ws), "tool").orElseThrow().running(); i++) Thread.sleep(100);
            var tool = engine.container(project(ws), "tool").orElseThrow();
            assertEquals(3, tool.exitCode());
            String[] out = Files.readString(ws.resolve("data/made/out.txt")).strip().split(" ");
            assertEquals("/work/made", out[0], "working_dir is made and entered");
            assertEquals("http://127.0.0.1:14573", out[1], "the emulator's published port replaces the compose network's name");
            assertEquals(tool.id().substring(0, 12), out[2]);
        }
    }

    private static dev.lab.engine.Project project(Path ws) throws Exception {
        return new dev.lab.engine.Project("execlab", ws, dev.lab.compose.ComposeParser.parse(ws.resolve("docker-compose.yml")));
    }
}
