package dev.lab.engine.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.Project;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Pro persistence through the engine's own path: stop+start and down+up keep exactly the saved
 * objects, and a down+up hands the saved store to the new container (a rename) instead of
 * deleting and relinking it file by file.
 */
class ProRestartTest {
    @TempDir Path tmp;
    EmbeddedEngine engine;
    Project project;
    int port;

    @BeforeEach
    void setUp() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("proj"));
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Files.writeString(ws.resolve("docker-compose.yml"), "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
                + "    ports:\n      - \"127.0.0.1:" + port + ":4566\"\n    environment:\n      - PERSISTENCE=1\n"
                + "    volumes:\n      - ./localstack_data:/var/lib/localstack\n");
        project = new Project("proj", ws, ComposeParser.parse(ws.resolve("docker-compose.yml")));
        engine = new EmbeddedEngine(tmp.resolve("engine"), "pro", (call, log) -> 0);
    }

    @AfterEach
    void tearDown() { engine.close(); }

    private S3Client s3() {
        return S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).forcePathStyle(true)
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t"))).build();
    }

    private TreeSet<String> keys() {
        try (S3Client s3 = s3()) {
            return new TreeSet<>(s3.listObjectsV2(b -> b.bucket("bkt")).contents().stream().map(S3Object::key).toList());
        }
    }

    private long files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void restartsKeepTheSavedObjectsAndDownUpAdoptsTheSavedStore() throws Exception {
        engine.up(project, List.of());
        try (S3Client s3 = s3()) {
            s3.createBucket(b -> b.bucket("bkt"));
            for (int i = 0; i < 20; i++) {
                String key = "k" + i;
                s3.putObject(b -> b.bucket("bkt").key(key), RequestBody.fromString("v" + key));
            }
        }
        var saved = keys();
        engine.stop(project, List.of());
        engine.start(project, List.of());
        assertEquals(saved, keys());

        try (S3Client s3 = s3()) {
            s3.putObject(b -> b.bucket("bkt").key("new"), RequestBody.fromString("n"));
            s3.deleteObject(b -> b.bucket("bkt").key("k3"));
        }
        saved = keys();
        engine.down(project, false);
        Path spares = tmp.resolve("engine/spares");
        assertEquals(saved.size(), files(spares), "the saved store waits for the next container");
        engine.up(project, List.of());
        assertEquals(saved, keys());
        assertEquals(0, files(spares), "the new container adopted it");
        try (S3Client s3 = s3()) {
            assertEquals("vk7", s3.getObjectAsBytes(b -> b.bucket("bkt").key("k7")).asUtf8String());
        }

        engine.down(project, true);
        assertEquals(0, files(spares), "down -v keeps no spare");
        assertTrue(Files.isDirectory(project.workdir().resolve("localstack_data/state/s3/bkt")), "binds are never touched");
        engine.up(project, List.of());
        assertEquals(saved, keys());
        assertFalse(saved.contains("k3"));
    }
}
