package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            // Without SERVICES, LocalStack enables everything; the emulator answers S3 only and claims nothing else.
            assertTrue(body.contains("\"sqs\": \"disabled\""), body);
            assertEquals(1, body.split("\"available\"", -1).length - 1, body);
            assertTrue(body.endsWith("}, \"edition\": \"community\", \"version\": \"4.14.0\"}"), body);

            try (S3Client s3 = harness.s3()) {
                s3.listBuckets();
            }
            String after = harness.get("/_localstack/health").body();
            assertTrue(after.contains("\"s3\": \"running\""), after);
            assertTrue(after.contains("\"sqs\": \"disabled\""), after);

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
            // Enabled, but not something the emulator answers.
            assertTrue(body.contains("\"sts\": \"disabled\""), body);
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
            assertTrue(body.contains("\"rds\": \"disabled\""), body);
        }
    }

    @Test
    void s3OutsideServicesIsDisabledAndRefused() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of("SERVICES", "sqs")).started()) {
            String body = harness.get("/_localstack/health").body();
            assertTrue(body.contains("\"s3\": \"disabled\""), body);
            HttpResponse<String> call = harness.get("/some-bucket");
            assertEquals(501, call.statusCode());
            assertTrue(call.body().contains("<Code>InternalFailure</Code><Message>Service 's3' is not enabled."
                    + " Please check your 'SERVICES' configuration variable.</Message>"), call.body());
        }
    }

    @Test
    void infoAnswersAs414Does() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of()).started()) {
            HttpResponse<String> info = harness.get("/_localstack/info");
            assertEquals(200, info.statusCode());
            assertEquals("application/json", info.headers().firstValue("Content-Type").orElseThrow());
            String body = info.body();
            assertTrue(body.matches("\\{\"version\": \"4\\.14\\.0\", \"edition\": \"community\", \"is_license_activated\": false,"
                    + " \"session_id\": \"[0-9a-f-]{36}\", \"machine_id\": \"dkr_[0-9a-f]{12}\", \"system\": \"linux\","
                    + " \"is_docker\": true, \"server_time_utc\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\", \"uptime\": \\d+}"), body);
            String machine = body.replaceAll(".*\"machine_id\": \"([^\"]+)\".*", "$1");
            String session = body.replaceAll(".*\"session_id\": \"([^\"]+)\".*", "$1");
            harness.restart();
            String again = harness.get("/_localstack/info").body();
            assertTrue(again.contains("\"machine_id\": \"" + machine + "\""), "same container, same machine: " + again);
            assertFalse(again.contains(session), "a new run is a new session: " + again);
        }
        try (Harness pro = new Harness(tmp.resolve("pro"), "pro", Map.of()).started()) {
            String body = pro.get("/_localstack/info").body();
            assertTrue(body.contains("\"edition\": \"pro\", \"is_license_activated\": true"), body);
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
