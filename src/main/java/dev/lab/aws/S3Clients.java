package dev.lab.aws;

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

    private static S3Client build(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(20)).build())
                // Like the AWS CLI, retry a request whose connection broke (seen rarely under load, right
                // after a restart); S3's answers, NoSuchBucket included, are never retried.
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(3)))
                .build();
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
