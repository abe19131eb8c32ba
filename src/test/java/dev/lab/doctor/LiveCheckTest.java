package dev.lab.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab doctor --live} on the embedded engine, on ephemeral ports, agrees with facts.md and the lab. */
class LiveCheckTest {
    @TempDir Path dir;

    private Path compose(String name, String volume, String user) throws Exception {
        int port;
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String yaml = "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n    container_name: localstack\n"
                + (user == null ? "" : "    user: \"" + user + "\"\n")
                + "    ports:\n      - \"127.0.0.1:" + port + ":4566\"\n    environment:\n      - SERVICES=s3\n      - PERSISTENCE=1\n"
                + "    volumes:\n      - " + volume + ":/var/lib/localstack\n"
                + (volume.startsWith(".") ? "" : "volumes:\n  " + volume + ":\n");
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static List<Path> leftovers() throws Exception {
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("lab-doctor-")).sorted().toList();
        }
    }

    /** Each row as {@code action bucket/object}, e.g. {@code restart yes/no}. */
    private static List<String> table(LiveReport r) {
        return r.rows().stream().map(row -> row.action().label() + " " + (row.bucketSurvived() ? "yes" : "no") + "/"
                + (row.objectSurvived() ? "yes" : "no")).toList();
    }

    @Test
    void communityKeepsNothingAcrossAnyActionEvenWithABindMount() throws Exception {
        var r = LiveCheck.run(compose("docker-compose.yml", "./localstack_data", null), "embedded", "community-4.14");
        assertTrue(r.allStarted(), r.toString());
        assertEquals(List.of("restart no/no", "stop+start no/no", "down+up no/no", "down -v+up no/no"), table(r));
    }

    @Test
    void proKeepsABindMountThroughEveryActionAndNeverTouchesTheUsersFolder() throws Exception {
        Path data = Files.createDirectories(dir.resolve("localstack_data"));
        Files.writeString(data.resolve("mine.txt"), "the user's own file\n");
        Path file = compose("docker-compose.yml", "./localstack_data", null);
        List<Path> tempBefore = leftovers();
        var r = LiveCheck.run(file, "embedded", "pro");
        assertEquals(tempBefore, leftovers(), "the temporary workspace is deleted");
        assertEquals(List.of("restart yes/yes", "stop+start yes/yes", "down+up yes/yes", "down -v+up yes/yes"), table(r));
        assertEquals("localstack", r.service());
        try (Stream<Path> left = Files.walk(dir)) {
            assertEquals(List.of(dir, file, data, data.resolve("mine.txt")), left.sorted().toList(),
                    "the user's folder is as it was: no logs/, no state/");
        }
    }

    @Test
    void proLosesANamedVolumeOnlyToDownMinusV() throws Exception {
        var r = Cli.run("doctor", "--live", "--edition", "pro", "--json", compose("named.yml", "localstack-data", null).toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = r.jsonObject();
        assertEquals("pro", json.get("edition"));
        assertEquals(true, json.get("started"));
        @SuppressWarnings("unchecked")
        var actions = (List<Map<String, Object>>) json.get("actions");
        assertEquals(List.of("restart true/true", "stop+start true/true", "down+up true/true", "down -v+up false/false"),
                actions.stream().map(a -> a.get("action") + " " + a.get("bucketSurvived") + "/" + a.get("objectSurvived")).toList());
        assertTrue(actions.stream().allMatch(a -> "running".equals(a.get("state")) && a.get("log") == null), r.out());
    }

    @Test
    void aBindFolderTheUserCannotWriteStopsLocalStackWithTheEntrypointLine() throws Exception {
        Path data = Files.createDirectories(dir.resolve("localstack_data"));
        Files.setAttribute(data, "unix:mode", 0755);
        String file = compose("docker-compose.yml", "./localstack_data", "1000:1000").toString();
        var json = Cli.run("doctor", "--live", "--edition", "pro", "--json", file);
        assertEquals(1, json.code(), json.err());
        assertEquals(false, json.jsonObject().get("started"));
        assertEquals("exited (1)", json.jsonObject().get("state"));
        assertEquals("mkdir: cannot create directory ‘/var/lib/localstack/logs’: Permission denied",
                json.jsonObject().get("log"));
        assertEquals(List.of(), json.jsonObject().get("actions"));
        var text = Cli.run("doctor", "--live", file);
        assertEquals(1, text.code());
        assertTrue(text.out().contains("LocalStack did not start: exited (1) — mkdir: cannot create directory"), text.out());
    }

    @Test
    void theTextReportIsATableOfActions() throws Exception {
        var r = Cli.run("doctor", "--live", compose("docker-compose.yml", "localstack-data", null).toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).contains("edition community-4.14"), r.out());
        assertTrue(lines.contains("│ action     │ bucket survived │ object survived │ container │"), r.out());
        assertTrue(lines.contains("│ down -v+up │ no              │ no              │ running   │"), r.out());
    }

    @Test
    void badLiveInputIsExitTwo() throws Exception {
        Path file = compose("docker-compose.yml", "localstack-data", null);
        // docker-java reads DOCKER_HOST from system properties too: point it at a socket that is not there.
        String previous = System.setProperty("DOCKER_HOST", "unix:///nonexistent/docker.sock");
        // `lab run` keeps its lab home in this test's folder, never the user's.
        String previousHome = System.setProperty("lab.home", dir.resolve("home").toString());
        Cli.Result docker;
        Cli.Result run;
        try {
            docker = Cli.run("doctor", "--live", "--engine", "docker", file.toString());
            run = Cli.run("run", "persistence", "--engine", "docker");
        } finally {
            if (previous == null) System.clearProperty("DOCKER_HOST");
            else System.setProperty("DOCKER_HOST", previous);
            if (previousHome == null) System.clearProperty("lab.home");
            else System.setProperty("lab.home", previousHome);
        }
        assertEquals(2, docker.code());
        assertEquals(1, docker.err().lines().count(), docker.err());
        assertTrue(docker.err().startsWith("lab: cannot reach the Docker engine at unix:///nonexistent/docker.sock"), docker.err());
        assertTrue(docker.err().strip().endsWith("use --engine embedded"), docker.err());
        assertEquals(run.err(), docker.err(), "the same error as lab run --engine docker");
        var edition = Cli.run("doctor", "--live", "--edition", "enterprise", file.toString());
        assertEquals(2, edition.code());
        assertTrue(edition.err().contains("--edition must be pro or community-4.14, not enterprise"), edition.err());
        Path unpublished = Files.writeString(dir.resolve("noport.yml"), Files.readString(file).replaceAll("    ports:\n.*\n", ""));
        var noPort = Cli.run("doctor", "--live", unpublished.toString());
        assertEquals(2, noPort.code());
        assertTrue(noPort.err().startsWith("lab: " + unpublished + ":2: lab doctor --live needs LocalStack's port 4566"), noPort.err());
    }

    /** A compose file whose ready.d hook calls {@code seen} over HTTP and tries to write {@code outside} on the host. */
    private Path withHook(com.sun.net.httpserver.HttpServer seen, Path outside) throws Exception {
        return withHook("touch " + outside + "\ncurl -s http://127.0.0.1:" + seen.getAddress().getPort() + "/ran\n");
    }

    private Path withHook(String body) throws Exception {
        Path file = compose("hooked.yml", "./localstack_data", null);
        Files.writeString(file, Files.readString(file).replace("      - ./localstack_data:/var/lib/localstack\n",
                "      - ./localstack_data:/var/lib/localstack\n      - ./ready:/etc/localstack/init/ready.d\n"));
        Path hook = Files.writeString(Files.createDirectories(dir.resolve("ready")).resolve("01-hook.sh"), "#!/bin/sh\n" + body);
        Files.setAttribute(hook, "unix:mode", 0755);
        return file;
    }

    private static com.sun.net.httpserver.HttpServer recorder(List<String> calls) throws Exception {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            calls.add(x.getRequestURI().getPath());
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        server.start();
        return server;
    }

    @Test
    void withoutASandboxTheComposeFilesHooksAreNotRunAndTheReportSaysSo() throws Exception {
        var calls = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var server = recorder(calls);
        Path outside = Path.of("/tmp/lab-doctor-hook-" + java.util.UUID.randomUUID());
        try {
            var r = LiveCheck.run(withHook(server, outside), "embedded", "community-4.14", dev.lab.hooks.HookEnvironment.none(),
                    dev.lab.hooks.Sandbox.off("bwrap not found; install the bubblewrap package"));
            assertEquals(List.of(), calls, "the hook did not run");
            assertTrue(!Files.exists(outside));
            assertEquals("init hooks not run: lab doctor --live runs a compose file's hooks only in a sandbox, and none can start"
                    + " here (bwrap not found; install the bubblewrap package)", r.hooksNotRun());
            assertTrue(LiveFormat.text(r).lines().toList().get(1).equals(r.hooksNotRun()), LiveFormat.text(r));
            assertTrue(r.allStarted(), r.toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withASandboxTheComposeFilesHooksRunConfined() throws Exception {
        var sandbox = dev.lab.hooks.Sandbox.detect();
        assertTrue(sandbox.available(), "needs bubblewrap: " + sandbox.unavailableReason());
        var calls = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var server = recorder(calls);
        Path outside = Path.of("/tmp/lab-doctor-hook-" + java.util.UUID.randomUUID());
        try {
            var r = LiveCheck.run(withHook(server, outside), "embedded", "community-4.14", dev.lab.hooks.HookEnvironment.none(), sandbox);
            assertTrue(calls.contains("/ran"), "the hook ran (each start runs it): " + calls);
            assertTrue(!Files.exists(outside), "its write to the host's /tmp landed in the sandbox");
            assertEquals(null, r.hooksNotRun());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theComposeFilesHooksReachTheCheckedLocalStackWithAwslocal() throws Exception {
        assertTrue(dev.lab.hooks.Sandbox.detect().available(), "needs bubblewrap: " + dev.lab.hooks.Sandbox.detect().unavailableReason());
        var calls = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var server = recorder(calls);
        try {
            String seen = "http://127.0.0.1:" + server.getAddress().getPort();
            // The public entry `lab doctor --live` uses: its temporary engine gets an engine host for the hooks' awslocal.
            var r = LiveCheck.run(withHook("awslocal s3 mb s3://made-by-hook; curl -s " + seen + "/mb-$?\n"
                    + "awslocal s3 ls | grep -q made-by-hook; curl -s " + seen + "/ls-$?\n"), "embedded", "community-4.14");
            assertTrue(calls.contains("/mb-0") && calls.contains("/ls-0"), "the hook's awslocal made and listed its bucket: " + calls);
            assertEquals(null, r.hooksNotRun());
        } finally {
            server.stop(0);
        }
    }
}
