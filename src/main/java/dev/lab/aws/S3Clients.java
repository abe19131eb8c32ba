package dev.lab.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 clients for LocalStack endpoints, the way {@code awslocal} configures them: path-style,
 * credentials {@code test}/{@code test}, up to three attempts as the CLI makes.
 * One client per endpoint, shared and thread-safe.
 */
public final class S3Clients {
    private static final Map<URI, S3Client> CLIENTS = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();
    // Nothing listens on port 1 of the loopback: the request fails at connect, after the SDK has done all its own work.
    private static final URI NOWHERE = URI.create("http://127.0.0.1:1");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    static {
        // Labs restart LocalStack on purpose: a pooled keep-alive connection to the stopped server
        // would fail the next request, so every request gets a fresh (loopback) connection.
        System.setProperty("http.keepAlive", "false");
    }

    private S3Clients() {}

    /** The shared client for an endpoint such as {@code http://localhost:4566}. */
    public static S3Client forEndpoint(URI endpoint) {
        return CLIENTS.computeIfAbsent(endpoint, S3Clients::build);
    }

    /**
     * Loads and initialises the SDK on a background thread, once per process, so that the first real call (a check,
     * {@code awslocal}, the blog-service's start) does not pay for it: about 2,000 classes and the endpoint rules, some
     * 0.5-1 s of CPU, spent while this process would otherwise wait (for bash, or for the engine). The request goes
     * nowhere ({@link #NOWHERE}); no endpoint sees it.
     */
    public static void warmUp() {
        if (!WARMING.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try (S3Client client = builder(NOWHERE).overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build()) {
                client.headBucket(r -> r.bucket("lab-warm-up"));
            } catch (RuntimeException expected) {
                // connection refused: the point was the work before it
            }
        }, "s3-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static S3Client build(URI endpoint) {
        // Like the AWS CLI, retry a request whose connection broke (seen rarely under load, right
        // after a restart); S3's answers, NoSuchBucket included, are never retried.
        return builder(endpoint).overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(3))).build();
    }

    private static software.amazon.awssdk.services.s3.S3ClientBuilder builder(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create(S3Clients::open));
    }

    /**
     * A connection as the SDK's default factory makes one, but without its eager TLS set-up: the SDK's builder loads the
     * JDK's trust store for every client (~130 ms of CPU at each process start), where LocalStack is plain HTTP; an
     * {@code https} endpoint still gets the JDK's default TLS, when it is first used.
     */
    private static HttpURLConnection open(URI uri) {
        try {
            var c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            c.setReadTimeout((int) READ_TIMEOUT.toMillis());
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The S3 error code of a service exception ({@code NoSuchBucket}, …), or the HTTP status when the body had none. */
    public static String errorCode(SdkServiceException e) {
        if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null && s3.awsErrorDetails().errorCode() != null) {
            return s3.awsErrorDetails().errorCode();
        }
        return switch (e.statusCode()) {
            case 404 -> "NotFound";
            case 403 -> "Forbidden";
            default -> String.valueOf(e.statusCode());
        };
    }
}
