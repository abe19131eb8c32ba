package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.testing.TestAwslocal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls to services the emulator does not provide: LocalStack's 501, and a word about the engine. */
class OtherServicesTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=test/20261201/us-east-1/%s/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature=00";

    @TempDir
    Path tmp;

    @Test
    void jsonProtocolCallGets501SayingS3Only() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of()).started()) {
            HttpResponse<String> r = harness.send(HttpRequest.newBuilder(harness.uri("/"))
                    .header("Authorization", AUTH.formatted("dynamodb"))
                    .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertEquals(501, r.statusCode());
            assertEquals("{\"__type\": \"InternalFailure\", \"message\": \"Service 'dynamodb' is not enabled."
                    + " lab's embedded engine provides S3 only; run the lab with --engine docker for dynamodb.\"}", r.body());
            assertTrue(harness.logs.stream().anyMatch(l -> l.contains("provides S3 only; dynamodb needs --engine docker")),
                    String.join("\n", harness.logs));
            // Nothing was served as S3: the service is still untouched.
            assertTrue(harness.get("/_localstack/health").body().contains("\"s3\": \"available\""));
        }
    }

    @Test
    void serviceOutsideServicesGetsLocalStacksOwnMessageInQueryXml() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of("SERVICES", "s3")).started()) {
            HttpResponse<String> r = harness.send(HttpRequest.newBuilder(harness.uri("/"))
                    .header("Authorization", AUTH.formatted("sts"))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build());
            assertEquals(501, r.statusCode());
            assertTrue(r.body().startsWith("<ErrorResponse><Error><Code>InternalFailure</Code><Message>Service 'sts' is not"
                    + " enabled. Please check your 'SERVICES' configuration variable.</Message></Error>"), r.body());
            // S3, which SERVICES names, still answers.
            assertEquals(200, harness.get("/").statusCode());
        }
    }

    @Test
    void theAwsCliPrintsLocalStacksErrorLine() throws Exception {
        Assumptions.assumeTrue(TestAwslocal.available(), "needs the AWS CLI (the non-root pass cannot reach root's)");
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of()).started()) {
            ProcessBuilder pb = new ProcessBuilder("aws", "--endpoint-url", harness.emulator.endpoint(), "--region", "us-east-1",
                    "sqs", "list-queues").redirectErrorStream(true);
            pb.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            // AWS CLI v1 exits 255 on a service error.
            assertEquals(255, p.exitValue(), out);
            assertEquals("An error occurred (InternalFailure) when calling the ListQueues operation: Service 'sqs' is not"
                    + " enabled. lab's embedded engine provides S3 only; run the lab with --engine docker for sqs.", out);
        }
    }
}
