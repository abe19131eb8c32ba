package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3OperationsTest {
    @TempDir
    Path tmp;
    Harness harness;
    S3Client s3;

    @BeforeEach
    void start() throws Exception {
        harness = new Harness(tmp, "community-4.14", Map.of()).started();
        s3 = harness.s3();
    }

    @AfterEach
    void stop() {
        s3.close();
        harness.close();
    }

    @Test
    void bucketsAndObjectsRoundTrip() {
        s3.createBucket(b -> b.bucket("lab-data"));
        assertEquals(List.of("lab-data"), s3.listBuckets().buckets().stream().map(Bucket::name).toList());

        s3.putObject(b -> b.bucket("lab-data").key("docs/readme.txt").contentType("text/plain"),
                RequestBody.fromString("hello lab"));
        s3.putObject(b -> b.bucket("lab-data").key("docs/other.txt"), RequestBody.fromString("x"));
        var object = s3.getObjectAsBytes(b -> b.bucket("lab-data").key("docs/readme.txt"));
        assertEquals("hello lab", object.asUtf8String());
        assertEquals("text/plain", object.response().contentType());

        List<String> keys = s3.listObjectsV2(b -> b.bucket("lab-data").prefix("docs/")).contents()
                .stream().map(S3Object::key).toList();
        assertEquals(List.of("docs/other.txt", "docs/readme.txt"), keys);

        s3.deleteObject(b -> b.bucket("lab-data").key("docs/readme.txt"));
        s3.deleteObject(b -> b.bucket("lab-data").key("docs/other.txt"));
        assertTrue(s3.listObjectsV2(b -> b.bucket("lab-data")).contents().isEmpty());
        assertThrows(NoSuchKeyException.class,
                () -> s3.headObject(b -> b.bucket("lab-data").key("docs/readme.txt")));

        s3.deleteBucket(b -> b.bucket("lab-data"));
        assertTrue(s3.listBuckets().buckets().isEmpty());
    }

    @Test
    void anyCredentialsAreAccepted() {
        try (S3Client other = Harness.s3(harness.emulator.endpoint(), "AKIAIOSFODNN7EXAMPLE", "wrong")) {
            other.createBucket(b -> b.bucket("any-creds"));
        }
        assertEquals("any-creds", s3.listBuckets().buckets().get(0).name());
    }

    @Test
    void unsignedCurlStyleRequestsWork() throws Exception {
        HttpResponse<String> created = harness.send(HttpRequest.newBuilder(harness.uri("/plain"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, created.statusCode());
        // What `curl -X PUT -d hello` sends: a form-encoded body that must be stored as is.
        HttpResponse<String> put = harness.send(HttpRequest.newBuilder(harness.uri("/plain/note.txt"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString("hello=world")).build());
        assertEquals(200, put.statusCode());

        HttpResponse<String> get = harness.get("/plain/note.txt");
        assertEquals(200, get.statusCode());
        assertEquals("hello=world", get.body());
        HttpResponse<String> list = harness.get("/");
        assertTrue(list.body().contains("<Name>plain</Name>"), list.body());
        assertFalse(get.headers().firstValue("Server").orElse("").contains("Jetty"));
    }
}
