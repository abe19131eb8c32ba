package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

class S3ErrorDocumentTest {
    @TempDir
    Path tmp;
    Harness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new Harness(tmp, "community-4.14", Map.of()).started();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void missingBucketNamesTheBucket() throws Exception {
        HttpResponse<String> response = harness.get("/no-such-bucket");

        assertEquals(404, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("<Error><Code>NoSuchBucket</Code>"
                + "<Message>The specified bucket does not exist</Message>"
                + "<BucketName>no-such-bucket</BucketName>"), body);
        assertFalse(body.contains("xmlns"), body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("xml"));
    }

    @Test
    void missingBucketOnObjectRequestNamesTheBucket() throws Exception {
        HttpResponse<String> response = harness.get("/absent-bucket/some/key");

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("<Code>NoSuchBucket</Code>"), response.body());
        assertTrue(response.body().contains("<BucketName>absent-bucket</BucketName>"),
                response.body());
    }

    @Test
    void missingKeyNamesTheDecodedKey() throws Exception {
        try (S3Client s3 = harness.s3()) {
            s3.createBucket(b -> b.bucket("errors"));
        }
        HttpResponse<String> response = harness.get("/errors/dir/missing%20file+1.txt");

        assertEquals(404, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("<Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message>"
                + "<Key>dir/missing file+1.txt</Key>"), body);
        assertFalse(body.contains("xmlns"), body);
    }

    @Test
    void sdkSeesTheErrorCode() {
        try (S3Client s3 = harness.s3()) {
            NoSuchBucketException e = assertThrows(NoSuchBucketException.class,
                    () -> s3.listObjectsV2(b -> b.bucket("ghost-bucket")));
            assertEquals(404, e.statusCode());
            assertEquals("NoSuchBucket", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void enrichEscapesAndLeavesOtherErrorsAlone() {
        String noKey = "<Error><Code>NoSuchKey</Code><Message>m</Message></Error>";
        assertEquals("<Error><Code>NoSuchKey</Code><Message>m</Message><Key>a&amp;b&lt;</Key></Error>",
                S3ErrorDocuments.enrich(noKey, "/bkt/a%26b%3C"));
        String other = "<Error><Code>AccessDenied</Code><Message>m</Message></Error>";
        assertEquals(other, S3ErrorDocuments.enrich(other, "/bkt/key"));
    }

    @Test
    void versioningAndTaggingSayTheDockerEngineHasThem() {
        try (S3Client s3 = harness.s3()) {
            s3.createBucket(r -> r.bucket("versioned"));
            var versioning = assertThrows(software.amazon.awssdk.services.s3.model.S3Exception.class, () ->
                    s3.putBucketVersioning(r -> r.bucket("versioned").versioningConfiguration(c -> c.status("Enabled"))));
            assertEquals(501, versioning.statusCode());
            assertEquals("NotImplemented", versioning.awsErrorDetails().errorCode());
            assertTrue(versioning.awsErrorDetails().errorMessage().endsWith("run the lab with --engine docker, where LocalStack has it."),
                    versioning.awsErrorDetails().errorMessage());
            var tagging = assertThrows(software.amazon.awssdk.services.s3.model.S3Exception.class, () ->
                    s3.getBucketTagging(r -> r.bucket("versioned")));
            assertTrue(tagging.awsErrorDetails().errorMessage().contains("embedded engine lacks this"), tagging.getMessage());
        }
    }
}
