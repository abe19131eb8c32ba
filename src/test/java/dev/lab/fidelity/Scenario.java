package dev.lab.fidelity;

import dev.lab.aws.S3Clients;
import dev.lab.compose.ComposeParser;
import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;

/** One fidelity scenario run on one engine: a compose project, the steps, and what was observed. */
final class Scenario {
    static final int PORT = 14566;
    static final String ENDPOINT = "http://127.0.0.1:" + PORT;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Engine engine;
    final Project project;
    final Map<String, String> seen = new LinkedHashMap<>();

    Scenario(Engine engine, Path workdir, String compose) throws Exception {
        this.engine = engine;
        Files.createDirectories(workdir);
        Path file = workdir.resolve("docker-compose.yml");
        Files.writeString(file, compose.replace("PORT", String.valueOf(PORT)));
        this.project = new Project(workdir.getFileName().toString(), workdir, ComposeParser.parse(file));
    }

    /** {@code up}, then the READY hooks' end, which neither engine waits for (as with Compose without --wait). */
    void up() throws Exception {
        engine.up(project, List.of());
        for (int i = 0; i < 1200; i++) {
            String ready;
            try {
                if (!engine.container(project, "localstack").map(c -> c.running()).orElse(false)) return;
                ready = http("/_localstack/init/ready").replace(" ", "");
            } catch (java.io.IOException e) {
                return;
            }
            if (!ready.startsWith("200{") || ready.contains("\"completed\":true")) return;
            Thread.sleep(50);
        }
    }

    void seed() {
        var s3 = S3Clients.forEndpoint(URI.create(ENDPOINT));
        s3.createBucket(b -> b.bucket("fidelity"));
        s3.putObject(b -> b.bucket("fidelity").key("k.txt"), RequestBody.fromString("hello"));
    }

    /** Records whether the seeded bucket and object are there. */
    void data(String label) {
        var s3 = S3Clients.forEndpoint(URI.create(ENDPOINT));
        String value;
        try {
            value = new String(s3.getObjectAsBytes(b -> b.bucket("fidelity").key("k.txt")).asByteArray());
        } catch (SdkServiceException e) {
            value = S3Clients.errorCode(e);
        }
        seen.put(label, value);
    }

    String http(String path) throws Exception {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(ENDPOINT + path)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    String containerState() {
        var c = engine.container(project, "localstack").orElseThrow();
        return c.state().word() + " " + c.exitCode();
    }

    boolean logContains(String text) throws Exception {
        return engine.logs(project, "localstack").stream().anyMatch(l -> l.contains(text));
    }

    /** Writes an init hook into ./ready with the given mode. */
    void hook(String name, int mode, String text) throws Exception {
        Path f = Files.writeString(Files.createDirectories(project.workdir().resolve("ready")).resolve(name), text);
        Files.setAttribute(f, "unix:mode", mode);
    }

    /**
     * Records, under "hook NN", the log lines of hook {@code NN-*}: its output (lines starting {@code NN:}),
     * the shell's messages naming it, and LocalStack's logger lines about it, timestamps cut off, in order.
     */
    void hookLog(String number) throws Exception {
        var lines = engine.logs(project, "localstack").stream()
                .filter(l -> l.startsWith(number + ":") || l.contains("/ready.d/" + number + "-"))
                .map(l -> l.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ", ""))
                .toList();
        seen.put("hook " + number, String.join(" | ", lines));
    }

    /** The index of the first log line equal to {@code line}, or -1. */
    int logIndex(String line) throws Exception {
        return engine.logs(project, "localstack").indexOf(line);
    }

    String mountOf(String path) {
        return engine.container(project, "localstack").orElseThrow().mounts().stream()
                .filter(m -> m.destination().equals(path)).map(m -> m.type() + ":" + (m.name() == null ? "" : m.name()))
                .findFirst().orElse("none");
    }
}
