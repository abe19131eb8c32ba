package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** One emulator on an ephemeral loopback port with its own volume and scratch folders. */
final class Harness implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Path volume;
    final Path scratch;
    final List<String> logs = new CopyOnWriteArrayList<>();
    final LocalStackEmulator emulator;

    Harness(Path tempDir, String edition, Map<String, String> env) throws IOException {
        this(tempDir, edition, env, Map.of(), (script, path, log) -> 0);
    }

    Harness(Path tempDir, String edition, Map<String, String> env, Map<String, Path> initDirs,
            HookRunner hooks) throws IOException {
        volume = Files.createDirectories(tempDir.resolve("volume"));
        scratch = Files.createDirectories(tempDir.resolve("scratch"));
        LocalStackConfig config = new LocalStackConfig(edition, "127.0.0.1", 0, env, volume,
                scratch, initDirs);
        emulator = new LocalStackEmulator(config, hooks, logs::add);
    }

    /** The READY hooks run after start returns, as on LocalStack; these tests look at what they did. */
    private void awaitReady() throws IOException {
        try {
            if (!emulator.awaitReady(java.time.Duration.ofSeconds(60))) throw new IOException("READY hooks still running after 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    Harness started() throws IOException {
        emulator.start();
        awaitReady();
        return this;
    }

    void restart() throws IOException {
        emulator.stop();
        emulator.start();
        awaitReady();
    }

    /** An SDK client for the current port, signing with any credentials, as LocalStack allows. */
    S3Client s3() {
        return s3(emulator.endpoint(), "test", "test");
    }

    static S3Client s3(String endpoint, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create(emulator.endpoint() + path);
    }

    /** Waits until {@code condition} holds, checking every 20 ms. */
    static void poll(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
