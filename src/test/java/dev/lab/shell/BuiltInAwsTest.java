package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.emulator.LocalStackConfig;
import dev.lab.emulator.LocalStackEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in {@code aws} on its own (the parity test needs the real CLI, which the non-root pass
 * lacks): outputs as AWS CLI v1 printed them for the same calls, and its refusals.
 */
class BuiltInAwsTest {
    @TempDir Path tmp;
    private LocalStackEmulator emulator;
    private Path work;

    private record Outcome(int status, List<String> out, List<String> err) {}

    @BeforeEach
    void start() throws Exception {
        var config = new LocalStackConfig("community-4.14", "127.0.0.1", 0, Map.of(),
                Files.createDirectories(tmp.resolve("volume")), Files.createDirectories(tmp.resolve("scratch")), Map.of());
        emulator = new LocalStackEmulator(config, (script, path, log) -> 0, line -> { });
        emulator.start();
        work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("a.txt"), "hello\n");
        Files.createDirectories(work.resolve("dir/sub"));
        Files.writeString(work.resolve("dir/1.txt"), "one\n");
        Files.writeString(work.resolve("dir/sub/2.log"), "two\n");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Outcome aws(String... words) {
        var argv = new ArrayList<>(List.of("awslocal"));
        argv.addAll(List.of(words));
        var c = new Io.Capture();
        int status = LabCommands.run(null, Map.of(), argv, work, Map.of("AWS_ENDPOINT_URL", emulator.endpoint()), c.io());
        return new Outcome(status, c.out, c.err);
    }

    private static List<String> masked(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "<date>")
                .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d", "<date>")).toList();
    }

    @Test
    void s3apiPrintsJsonTextAndTableAsTheCliDoes() {
        assertEquals(0, aws("s3", "mb", "s3://demo").status());
        var put = aws("s3api", "put-object", "--bucket", "demo", "--key", "a.txt", "--body", "a.txt", "--metadata", "k=v");
        assertEquals(List.of("{", "    \"ETag\": \"\\\"b1946ac92492d2347c6235b4d2611184\\\"\",", "    \"ChecksumCRC32\": \"NjowIA==\"", "}"), put.out());
        assertEquals(List.of("None\t\tNone", "CONTENTS\t\"b1946ac92492d2347c6235b4d2611184\"\ta.txt\t<date>\t6\tSTANDARD"),
                masked(aws("s3api", "list-objects-v2", "--bucket", "demo", "--output", "text").out()));
        assertEquals(List.of(
                "----------------------------------------------------------",
                "|                      ListObjectsV2                     |",
                "+--------------------------------------+-----------------+",
                "|  Prefix                              |                 |",
                "|  RequestCharged                      |  None           |",
                "+--------------------------------------+-----------------+",
                "||                       Contents                       ||",
                "|+---------------+--------------------------------------+|",
                "||  ETag         |  \"b1946ac92492d2347c6235b4d2611184\"  ||",
                "||  Key          |  a.txt                               ||",
                "||  LastModified |  <date>                ||",
                "||  Size         |  6                                   ||",
                "||  StorageClass |  STANDARD                            ||",
                "|+---------------+--------------------------------------+|"),
                masked(aws("s3api", "list-objects-v2", "--bucket", "demo", "--output", "table").out()));
        assertEquals(List.of("[", "    \"a.txt\"", "]"), aws("s3api", "list-objects-v2", "--bucket", "demo", "--query", "Contents[].Key").out());
        assertEquals(List.of("v"), aws("s3api", "head-object", "--bucket", "demo", "--key", "a.txt", "--query", "Metadata.k", "--output", "text").out());
        assertEquals(List.of("{", "    \"LocationConstraint\": null", "}"), aws("s3api", "get-bucket-location", "--bucket", "demo").out());
    }

    @Test
    void s3apiRefusesAsTheCliDoes() {
        var missing = aws("s3api", "head-object", "--bucket", "demo");
        assertEquals(2, missing.status());
        assertEquals("aws: error: the following arguments are required: --key", missing.err().get(missing.err().size() - 1));
        assertEquals(2, aws("s3api", "frob", "--bucket", "demo").status());
        var unknown = aws("s3api", "head-bucket", "--bucket", "demo", "--bogus", "1");
        assertEquals(255, unknown.status());
        assertEquals(List.of("", "Unknown options: --bogus, 1"), unknown.err());
        var notFound = aws("s3api", "head-bucket", "--bucket", "nope");
        assertEquals(255, notFound.status());
        assertEquals(List.of("", "An error occurred (404) when calling the HeadBucket operation: Not Found"), notFound.err());
        assertEquals(0, aws("s3", "mb", "s3://demo").status());
        var versioning = aws("s3api", "put-bucket-versioning", "--bucket", "demo", "--versioning-configuration", "Status=Enabled");
        assertEquals(255, versioning.status());
        assertTrue(versioning.err().get(1).startsWith("An error occurred (NotImplemented) when calling the PutBucketVersioning operation:")
                && versioning.err().get(1).contains("--engine docker"), versioning.err().toString());
    }

    @Test
    void s3TransfersFilterAndListAsTheCliDoes() throws Exception {
        assertEquals(0, aws("s3", "mb", "s3://demo").status());
        var cp = aws("s3", "cp", "dir", "s3://demo/f", "--recursive", "--exclude", "*", "--include", "*.log");
        assertEquals(List.of("upload: dir/sub/2.log to s3://demo/f/sub/2.log"), cp.out());
        assertEquals(List.of("upload: ./a.txt to s3://demo/t.txt"),
                aws("s3", "cp", "a.txt", "s3://demo/t.txt", "--content-type", "text/x-test", "--metadata", "k=v").out());
        assertEquals(List.of("text/x-test\tv"), aws("s3api", "head-object", "--bucket", "demo", "--key", "t.txt",
                "--query", "[ContentType,Metadata.k]", "--output", "text").out());
        assertEquals(List.of("<date>    4 Bytes f/sub/2.log", "<date>    6 Bytes t.txt", "", "Total Objects: 2", "   Total Size: 10 Bytes"),
                masked(aws("s3", "ls", "s3://demo", "--recursive", "--human-readable", "--summarize").out()));
        assertEquals(List.of("move: s3://demo/t.txt to s3://demo/u.txt"), aws("s3", "mv", "s3://demo/t.txt", "s3://demo/u.txt").out());
        assertEquals(List.of("delete: s3://demo/f/sub/2.log"), aws("s3", "rm", "s3://demo/", "--recursive", "--exclude", "*", "--include", "f/*").out());
        var presign = aws("s3", "presign", "s3://demo/u.txt", "--expires-in", "60").out().get(0);
        assertTrue(presign.matches(java.util.regex.Pattern.quote(emulator.endpoint()) + "/demo/u.txt\\?AWSAccessKeyId=test&Signature=[^&]+&Expires=\\d+"), presign);
        var rb = aws("s3", "rb", "s3://demo");
        assertEquals(1, rb.status());
        assertTrue(rb.err().get(0).startsWith("remove_bucket failed: s3://demo An error occurred (BucketNotEmpty)"), rb.err().toString());
        assertEquals(List.of("delete: s3://demo/u.txt", "remove_bucket: demo"), aws("s3", "rb", "s3://demo", "--force").out());
        assertEquals("1.5 KiB", S3Buckets.size(1536));
        assertEquals("1 Byte", S3Buckets.size(1));
    }
}
