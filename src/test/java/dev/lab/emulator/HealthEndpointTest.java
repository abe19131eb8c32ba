package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

class HealthEndpointTest {
    @TempDir
    Path tmp;

    @Test
    void s3IsAvailableUntilFirstUsedThenRunning() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of()).started()) {
            HttpResponse<String> before = harness.get("/_localstack/health");
            assertEquals(200, before.statusCode());
            assertEquals("application/json", before.headers().firstValue("Content-Type").orElseThrow());
            String body = before.body();
            assertTrue(body.startsWith("{\"services\": {"), body);
            assertTrue(body.contains("\"s3\": \"available\""), body);
            assertTrue(body.contains("\"sqs\": \"available\""), body);
            assertTrue(body.endsWith("}, \"edition\": \"community\", \"version\": \"4.14.0\"}"), body);

            try (S3Client s3 = harness.s3()) {
                s3.listBuckets();
            }
            String after = harness.get("/_localstack/health").body();
            assertTrue(after.contains("\"s3\": \"running\""), after);
            assertTrue(after.contains("\"sqs\": \"available\""), after);

            harness.restart();
            String restarted = harness.get("/_localstack/health").body();
            assertTrue(restarted.contains("\"s3\": \"available\""), restarted);
        }
    }

    @Test
    void servicesOutsideServicesAreDisabled() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of("SERVICES", "s3, sts"))
                .started()) {
            String body = harness.get("/_localstack/health").body();
            assertTrue(body.contains("\"s3\": \"available\""), body);
            assertTrue(body.contains("\"sts\": \"available\""), body);
            assertTrue(body.contains("\"sqs\": \"disabled\""), body);
            assertTrue(body.contains("\"dynamodb\": \"disabled\""), body);
        }
    }

    @Test
    void proReportsProEdition() throws Exception {
        try (Harness harness = new Harness(tmp, "pro", Map.of()).started()) {
            String body = harness.get("/_localstack/health").body();
            assertTrue(body.contains("\"edition\": \"pro\""), body);
            assertTrue(body.contains("\"version\": \"4.14.0\""), body);
            assertTrue(body.contains("\"rds\": \"available\""), body);
        }
    }

    @Test
    void unknownInternalPathIsNotFound() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of()).started()) {
            assertEquals(404, harness.get("/_localstack/nothing-here").statusCode());
            assertEquals(404, harness.post("/_localstack/state/save").statusCode());
        }
    }
}
