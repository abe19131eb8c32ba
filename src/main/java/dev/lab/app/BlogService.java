package dev.lab.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lab.aws.S3Clients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The tutorial's blog-service: at start it makes sure its bucket exists ({@code headBucket}, then
 * {@code createBucket} on NoSuchBucket, logging as the tutorial's {@code @PostConstruct} does) and
 * serves {@code POST /api/v1/files/upload} with a multipart {@code file}.
 */
public final class BlogService {
    private final URI s3Endpoint;
    private final String bucket;
    private final String publicBase;
    private final Consumer<String> log;
    private HttpServer server;

    public BlogService(URI s3Endpoint, String bucket, String publicBase, Consumer<String> log) {
        this.s3Endpoint = s3Endpoint;
        this.bucket = bucket;
        this.publicBase = publicBase;
        this.log = log;
    }

    /** Ensures the bucket, then listens on {@code host:port} (0 = any free port). */
    public void start(String host, int port) throws IOException {
        log.accept("Starting BlogServiceApplication using Java " + System.getProperty("java.version"));
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext("/api/v1/files/upload", this::upload);
        server.createContext("/actuator/health", ex -> reply(ex, 200, "{\"status\":\"UP\"}"));
        ensureBucketExists();
        server.start();
        log.accept("Tomcat started on port " + port() + " (http) with context path '/'");
        log.accept("Started BlogServiceApplication");
    }

    public void stop() {
        if (server != null) server.stop(0);
        server = null;
    }

    public int port() { return server == null ? -1 : server.getAddress().getPort(); }

    private S3Client s3() { return S3Clients.forEndpoint(s3Endpoint); }

    void ensureBucketExists() {
        try {
            s3().headBucket(b -> b.bucket(bucket));
            log.accept("✅ S3 bucket '" + bucket + "' exists");
        } catch (NoSuchBucketException e) {
            createBucket();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) createBucket();
            else log.accept("❌ Failed to ensure bucket exists: " + e.getMessage());
        } catch (SdkException e) {
            log.accept("❌ Failed to ensure bucket exists: " + e.getMessage());
        }
    }

    private void createBucket() {
        try {
            s3().createBucket(b -> b.bucket(bucket));
            log.accept("🚀 Created S3 bucket '" + bucket + "'");
        } catch (SdkException e) {
            log.accept("❌ Failed to ensure bucket exists: " + e.getMessage());
        }
    }

    private void upload(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")) {
                reply(ex, 405, error("Method Not Allowed"));
                return;
            }
            var part = Multipart.filePart(ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestBody().readAllBytes(), "file");
            if (part == null) {
                reply(ex, 400, error("Required part 'file' is not present."));
                return;
            }
            String key = UUID.randomUUID() + "-" + part.filename();
            try {
                s3().putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(part.contentType()).build(),
                        RequestBody.fromBytes(part.data()));
            } catch (SdkException e) {
                log.accept("❌ Failed to upload file: " + e.getMessage());
                reply(ex, 500, error("File upload failed: " + e.getMessage()));
                return;
            }
            log.accept("Uploaded file '" + key + "' to bucket '" + bucket + "'");
            reply(ex, 200, "{\"success\":true,\"data\":{\"fileUrl\":\"" + publicBase + "/" + bucket + "/" + key + "\"}}");
        }
    }

    private static String error(String message) {
        return "{\"success\":false,\"error\":{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}";
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }
}
