package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lab.engine.embedded.EmbeddedEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's own {@code aws} and {@code docker} fail on malformed arguments as the real tool fails:
 * its status and its stderr, never an exception or a Java class name.
 */
class MalformedCommandsTest {
    @TempDir Path tmp;
    private EmbeddedEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(tmp.resolve("docker-compose.yml"), "services:\n  localstack:\n    image: localstack/localstack:4.14\n");
        engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0);
    }

    @AfterEach
    void tearDown() { engine.close(); }

    private record Outcome(int status, List<String> out, List<String> err) {}

    private Outcome run(String line) {
        return run(Arrays.stream(line.split(" ")).map(w -> w.equals("''") ? "" : w).toList());
    }

    private Outcome run(List<String> argv) {
        var c = new Io.Capture();
        // an endpoint nothing listens on: a malformed line must be refused before any request
        int status = LabCommands.run(engine, Map.of(), argv, tmp, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9"), c.io());
        return new Outcome(status, c.out, c.err);
    }

    private void refused(String line, int status, String says) {
        var o = run(line);
        assertEquals(status, o.status(), line + " → " + o);
        assertTrue(String.join("\n", o.err()).contains(says), line + " → " + o.err());
    }

    @Test
    void awsRefusesBadArgumentsAsAwsCliV1Does() {
        var o = run("awslocal s3 mb s3://x --metadata k=v");
        assertEquals(255, o.status());
        assertEquals(List.of("", "Unknown options: --metadata,k=v"), o.err());
        o = run("aws --endpoint-url");
        assertEquals(2, o.status());
        assertEquals("aws: error: argument --endpoint-url: expected one argument", o.err().get(o.err().size() - 1));
        assertTrue(o.err().get(0).startsWith("usage: aws [options]"), o.err().toString());
        o = run("awslocal s3 rb --force");
        assertEquals(2, o.status());
        assertEquals("aws: error: the following arguments are required: path", o.err().get(o.err().size() - 1));
        o = run("awslocal s3 frob");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("aws: error: argument subcommand: Invalid choice, valid choices are:"), o.err().toString());
        o = run("awslocal s3 ls --recursive=3");
        assertEquals("aws: error: argument --recursive: ignored explicit argument '3'", o.err().get(o.err().size() - 1));
        assertEquals(255, run("awslocal s3 rm s3://a s3://b").status());
        assertEquals(255, run("awslocal s3").status());
        // an option the real CLI takes but the lab's aws does not implement is refused, never ignored
        refused("awslocal s3 cp a.txt s3://b/a.txt --sse AES256", 252, "--sse");
        refused("awslocal sqs list-queues", 252, "sqs");
    }

    @Test
    void dockerRefusesBadArgumentsAsDockerDoes() {
        var o = run("docker ps --bogus");
        assertEquals(125, o.status());
        assertEquals(List.of("unknown flag: --bogus", "", "Usage:  docker ps [OPTIONS]", "", "Run 'docker ps --help' for more information"), o.err());
        o = run("docker compose up --bogus");
        assertEquals(1, o.status());
        assertEquals(List.of("unknown flag: --bogus"), o.err());
        o = run("docker compose down -x");
        assertEquals(List.of("unknown shorthand flag: 'x' in -x"), o.err());
        o = run("docker logs");
        assertEquals(1, o.status());
        assertEquals("docker: 'docker logs' requires 1 argument", o.err().get(0));
        o = run("docker frob");
        assertEquals(List.of("docker: unknown command: docker frob", "", "Run 'docker --help' for more information"), o.err());
        assertEquals(1, o.status());
        o = run("docker compose frob");
        assertEquals(List.of("unknown docker command: \"compose frob\""), o.err());
        assertEquals(1, o.status());
        assertEquals(1, run("docker volume frob").status());
        assertEquals(125, run("docker logs --bogus localstack").status());
        assertEquals(0, run("docker").status());
        refused("docker logs -f localstack", 1, "--follow");
        refused("docker compose -f other.yml up -d", 1, "-f");
        refused("docker run alpine", 1, "run");
    }

    /** Many random malformed lines: each ends in a status, a failure with the tool's own words on stderr. */
    @Test
    void everyMalformedLineEndsInAStatusAndAMessage() {
        String[] pool = {"-A", "abc", "-n", "-H", "NoColon", "--endpoint-url", "s3", "mb", "rb", "ls", "cp", "rm", "sync", "s3://",
            "s3://b", "s3://b/k", "--force", "--recursive", "--metadata", "k=v", "''", "-", "--", "-x", "--bogus", "=",
            "-o", "-f", "-X", "-d", "-v", "--volumes", "compose", "ps", "logs", "inspect", "volume", "-1", "0", "x", "-i", "-E",
            "-c", "-p", "-R", "a.txt", "..", "/", "(", "[", "*", "--tail", "-n=3", "--region", "--output=json"};
        var random = new Random(7);
        var lines = new ArrayList<>(List.of("aws --endpoint-url", "docker", "docker compose", "docker-compose", "awslocal", "aws",
                "awslocal s3 cp", "docker volume", "docker ''", "awslocal ''"));
        for (int i = 0; i < 600; i++) {
            var words = new ArrayList<String>();
            words.add(LabCommands.NAMES.get(random.nextInt(LabCommands.NAMES.size())));
            for (int n = random.nextInt(5); n >= 0; n--) words.add(pool[random.nextInt(pool.length)]);
            String line = String.join(" ", words);
            // starting containers is not what this test is about
            if (line.matches(".*\\b(up|restart|start|stop)\\b.*")) continue;
            lines.add(line);
        }
        int failed = 0;
        for (String line : lines) {
            Outcome o;
            try {
                o = run(line);
            } catch (RuntimeException e) {
                fail("`" + line + "` escaped as " + e, e);
                return;
            }
            if (o.status() == 0) continue;
            failed++;
            String err = String.join("\n", o.err());
            assertFalse(err.isBlank(), line + " → " + o.status() + " without a word");
            assertFalse(err.matches("(?s).*(Exception|Error:? null|\\bnull\\b).*"), line + " → " + err);
        }
        assertNotEquals(0, failed);
    }
}
