package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real AWS CLI and curl against `lab engine serve`: they work, and get NoSuchBucket/NoSuchKey where LocalStack would. */
class AwsCliAgainstServeTest {
    @TempDir Path home;

    private static Child.Result exec(Path dir, String... cmd) throws Exception {
        var pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(java.util.Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_DEFAULT_REGION", "us-east-1", "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Child.Result(p.exitValue(), out);
    }

    @Test
    void awsCliAndCurl() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process serve = Child.start(home, "engine", "serve", "--port", String.valueOf(port));
        try {
            var reader = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null && !line.contains("Ctrl-C to stop"); line = reader.readLine()) { }
            String url = "http://127.0.0.1:" + port;
            Files.writeString(home.resolve("hello.txt"), "hello");
            assertEquals(0, exec(home, "aws", "--endpoint-url", url, "s3", "mb", "s3://demo").exitCode());
            var cp = exec(home, "aws", "--endpoint-url", url, "s3", "cp", "hello.txt", "s3://demo/hello.txt");
            assertEquals(0, cp.exitCode(), cp.out());
            var ls = exec(home, "aws", "--endpoint-url", url, "s3", "ls", "s3://demo/");
            assertTrue(ls.out().contains("hello.txt"), ls.out());
            var noBucket = exec(home, "aws", "--endpoint-url", url, "s3", "ls", "s3://nope/");
            assertTrue(noBucket.exitCode() != 0 && noBucket.out().contains("NoSuchBucket"), noBucket.out());
            var noKey = exec(home, "aws", "--endpoint-url", url, "s3api", "get-object", "--bucket", "demo", "--key", "nope", "out.bin");
            assertTrue(noKey.exitCode() != 0 && noKey.out().contains("NoSuchKey"), noKey.out());
            var get = exec(home, "curl", "-s", url + "/demo/hello.txt");
            assertEquals("hello", get.out());
            var missing = exec(home, "curl", "-s", url + "/demo/missing.txt");
            assertTrue(missing.out().contains("<Code>NoSuchKey</Code>") && missing.out().contains("The specified key does not exist."), missing.out());
            var missingBucket = exec(home, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", url + "/nope/x");
            assertEquals("404", missingBucket.out());
            var health = exec(home, "curl", "-s", url + "/_localstack/health");
            assertTrue(health.out().contains("\"edition\": \"community\"") && health.out().contains("\"version\": \"4.14.0\""), health.out());
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(20, TimeUnit.SECONDS));
        }
        assertTrue(List.of(0, 143).contains(serve.exitValue()), "serve stops cleanly on SIGTERM: " + serve.exitValue());
    }
}
