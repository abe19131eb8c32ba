package dev.lab.hooks;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import dev.lab.engine.embedded.HookScripts;
import dev.lab.session.Engines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A LocalStack service on the embedded engine with ./ready at ready.d and ./seed at /seed. */
final class HookProject implements AutoCloseable {
    static final int PORT = 14577;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Path workdir;
    final Path ready;
    final Path seed;
    private final Engine engine;
    private final Project project;

    HookProject(Path tmp, HookScripts hooks) throws Exception {
        workdir = Files.createDirectories(tmp.resolve("hookslab"));
        ready = Files.createDirectories(workdir.resolve("ready"));
        seed = Files.createDirectories(workdir.resolve("seed"));
        Path file = Files.writeString(workdir.resolve("docker-compose.yml"), "services:\n  localstack:\n"
                + "    image: localstack/localstack:4.14.0\n    ports:\n      - \"127.0.0.1:" + PORT + ":4566\"\n"
                + "    volumes:\n      - ./ready:/etc/localstack/init/ready.d\n      - ./seed:/seed\n");
        engine = Engines.open("embedded", "community-4.14", tmp.resolve("engine"), hooks);
        project = new Project("hookslab", workdir, ComposeParser.parse(file));
    }

    HookProject script(String name, int mode, String text) throws Exception {
        Path f = Files.writeString(ready.resolve(name), text);
        Files.setAttribute(f, "unix:mode", mode);
        return this;
    }

    HookProject up() throws Exception {
        engine.up(project, List.of());
        // READY hooks run after up returns, as on LocalStack: wait for them as `up --wait` with an init/ready healthcheck would.
        for (int i = 0; i < 600 && !init().contains("\"completed\":true"); i++) Thread.sleep(50);
        return this;
    }

    /** The container log with LocalStack's timestamps cut off. */
    List<String> log() throws Exception {
        return engine.logs(project, "localstack").stream()
                .map(l -> l.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ", "")).toList();
    }

    String init() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/_localstack/init/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body().replace(" ", "");
    }

    @Override
    public void close() throws Exception {
        try {
            engine.purge(project.name());
        } finally {
            engine.close();
        }
    }
}
