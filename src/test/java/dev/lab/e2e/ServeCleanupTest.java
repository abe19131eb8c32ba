package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lab engine serve` takes its scratch folder (the container's writable layer) and its temporary volume with it when stopped. */
class ServeCleanupTest {
    @TempDir Path home;
    @TempDir Path tmpdir;

    @Test
    void sigtermRemovesTheScratchFolderAndTheTemporaryVolume() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process serve = Child.start(home, Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmpdir), "engine", "serve",
                "--port", String.valueOf(port));
        var reader = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null && !line.contains("Ctrl-C to stop"); line = reader.readLine()) { }
        var http = HttpClient.newHttpClient();
        var put = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/kept")).PUT(HttpRequest.BodyPublishers.noBody()).build();
        assertEquals(200, http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode());
        var object = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/kept/a.txt"))
                .PUT(HttpRequest.BodyPublishers.ofString("a")).build();
        assertEquals(200, http.send(object, HttpResponse.BodyHandlers.discarding()).statusCode());
        assertTrue(entries().stream().anyMatch(n -> n.startsWith("lab-localstack-tmp")), entries().toString());

        serve.destroy();   // SIGTERM
        assertTrue(serve.waitFor(20, TimeUnit.SECONDS));
        assertTrue(List.of(0, 143).contains(serve.exitValue()), "exit " + serve.exitValue());
        assertEquals(List.of(), entries().stream().filter(n -> n.startsWith("lab-localstack")).toList());
    }

    private List<String> entries() throws Exception {
        try (Stream<Path> s = Files.list(tmpdir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
