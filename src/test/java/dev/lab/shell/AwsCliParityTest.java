package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.emulator.LocalStackConfig;
import dev.lab.emulator.LocalStackEmulator;
import dev.lab.testing.TestAwslocal;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The command list in src/test/resources/parity/s3-commands.txt, run through the real AWS CLI v1 and
 * through the lab's built-in {@code aws} against the same embedded endpoint (emptied in between):
 * the same stdout once dates, ETags, checksums and request ids are masked, and the same exit code.
 */
class AwsCliParityTest {
    private static final Map<String, String> AWS_ENV = Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
            "AWS_DEFAULT_REGION", "us-east-1", "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
            "AWS_PAGER", "");

    @TempDir Path tmp;

    private record Outcome(int status, String out) {}

    @Test
    void builtInCliPrintsWhatTheAwsCliPrints() throws Exception {
        Assumptions.assumeTrue(TestAwslocal.available(), "needs the AWS CLI (the non-root pass cannot reach root's)");
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of("src/test/resources/parity/s3-commands.txt"))) {
            if (!l.isBlank() && !l.startsWith("#")) lines.add(l);
        }
        var config = new LocalStackConfig("community-4.14", "127.0.0.1", 0, Map.of(),
                Files.createDirectories(tmp.resolve("volume")), Files.createDirectories(tmp.resolve("scratch")), Map.of());
        var mismatches = new ArrayList<String>();
        try (var emulator = new LocalStackEmulator(config, (script, path, log) -> 0, line -> { })) {
            emulator.start();
            String endpoint = emulator.endpoint();
            List<Outcome> real = runAll(lines, workspace("real"), line -> real(endpoint, line));
            empty(endpoint);
            Path mine = workspace("builtin");
            List<Outcome> builtIn = runAll(lines, mine, line -> builtIn(endpoint, mine, line));
            for (int i = 0; i < lines.size(); i++) {
                Outcome a = real.get(i);
                Outcome b = builtIn.get(i);
                boolean transfers = lines.get(i).startsWith("s3 ");
                if (a.status() != b.status() || !mask(a.out(), transfers).equals(mask(b.out(), transfers))) {
                    mismatches.add("aws " + lines.get(i) + "\n  real (" + a.status() + "):\n" + a.out()
                            + "\n  built-in (" + b.status() + "):\n" + b.out());
                }
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + lines.size() + " differ:\n" + String.join("\n", mismatches));
    }

    private interface Runner {
        Outcome run(String line) throws Exception;
    }

    private static List<Outcome> runAll(List<String> lines, Path dir, Runner runner) throws Exception {
        var out = new ArrayList<Outcome>();
        for (String line : lines) out.add(runner.run(line));
        return out;
    }

    private Path workspace(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("a.txt"), "hello\n");
        Files.createDirectories(dir.resolve("dir/sub"));
        Files.writeString(dir.resolve("dir/1.txt"), "one\n");
        Files.writeString(dir.resolve("dir/sub/2.log"), "two\n");
        return dir;
    }

    private Outcome real(String endpoint, String line) throws Exception {
        return exec(tmp.resolve("real"), List.of("bash", "-c", "aws --endpoint-url " + endpoint + " " + line));
    }

    private Outcome builtIn(String endpoint, Path dir, String line) throws Exception {
        // The shell splits the line into words, as it does for the real CLI.
        String words = exec(dir, List.of("bash", "-c", "printf '%s\\0' " + line)).out();
        var argv = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint));
        argv.addAll(Arrays.asList(words.split("\0")));
        var capture = new Io.Capture();
        int status = LabCommands.run(null, Map.of(), argv, dir, Map.of(), capture.io());
        String out = capture.out.isEmpty() ? "" : String.join("\n", capture.out) + "\n";
        return new Outcome(status, out);
    }

    private static Outcome exec(Path dir, List<String> command) throws Exception {
        var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(AWS_ENV);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command.toString());
        return new Outcome(p.exitValue(), out);
    }

    /** Removes every bucket, so the second run starts where the first did. */
    private static void empty(String endpoint) {
        S3Client s3 = dev.lab.aws.S3Clients.forEndpoint(URI.create(endpoint));
        for (var b : s3.listBuckets().buckets()) {
            for (S3Object o : s3.listObjectsV2(r -> r.bucket(b.name())).contents()) s3.deleteObject(r -> r.bucket(b.name()).key(o.key()));
            s3.deleteBucket(r -> r.bucket(b.name()));
        }
    }

    /**
     * Dates, ETags, checksums, request ids and presigned signatures differ from run to run. The s3
     * commands also print progress lines ending in a carriage return, and transfer files concurrently,
     * in no fixed order: their lines are compared as what remains visible, sorted.
     */
    static String mask(String out, boolean transfers) {
        String masked = masked(transfers
                ? Arrays.stream(out.split("\n")).map(l -> l.substring(l.lastIndexOf('\r') + 1).stripTrailing()).filter(l -> !l.isEmpty())
                        .collect(java.util.stream.Collectors.joining("\n"))
                : out);
        return transfers ? masked.lines().sorted().collect(java.util.stream.Collectors.joining("\n")) : masked;
    }

    private static String masked(String out) {
        return out.replaceAll("Signature=[^&]+&Expires=\\d+", "Signature=<signature>&Expires=<time>").replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)?", "<date>")
                .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d", "<date>")
                .replaceAll("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT", "<date>")
                .replaceAll("[0-9a-f]{32}(-\\d+)?", "<etag>")
                .replaceAll("(\"Checksum[A-Z0-9]+\": )\"[^\"]*\"", "$1\"<checksum>\"")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<request-id>");
    }
}
