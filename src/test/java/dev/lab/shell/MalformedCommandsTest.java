package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lab.compose.ComposeParser;
import dev.lab.engine.Project;
import dev.lab.engine.embedded.EmbeddedEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed command lines fail as the real tool fails ({@code aws}, {@code docker}) or as one
 * {@link ShellError} naming the command (the hand-made filters); nothing else escapes the shell.
 */
class MalformedCommandsTest {
    @TempDir Path tmp;
    private EmbeddedEngine engine;
    private Shell shell;

    @BeforeEach
    void setUp() throws Exception {
        Path compose = Files.writeString(tmp.resolve("docker-compose.yml"), "services:\n  localstack:\n    image: localstack/localstack:4.14\n");
        engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0);
        // an endpoint nothing listens on: a malformed line must be refused before any request
        shell = new Shell(engine, () -> new Project("fuzz", tmp, ComposeParser.parse(compose)), tmp, () -> java.net.URI.create("http://127.0.0.1:9"), java.util.Map.of());
    }

    @AfterEach
    void tearDown() { engine.close(); }

    private record Outcome(int status, List<String> out, List<String> err) {}

    private Outcome run(String line) throws InterruptedException {
        var c = new Io.Capture();
        int status = shell.run(line, c.io(List.of()));
        return new Outcome(status, c.out, c.err);
    }

    @Test
    void awsRefusesBadArgumentsAsAwsCliV1Does() throws Exception {
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
        // an option the real CLI takes but the runner does not implement is refused, never ignored
        var e = assertThrows(ShellError.class, () -> run("awslocal s3 cp a.txt s3://b/a.txt --metadata k=v"));
        assertTrue(e.getMessage().contains("--metadata"), e.getMessage());
        assertThrows(ShellError.class, () -> run("awslocal sqs list-queues"));
    }

    @Test
    void dockerRefusesBadArgumentsAsDockerDoes() throws Exception {
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
        var e = assertThrows(ShellError.class, () -> run("docker logs -f localstack"));
        assertTrue(e.getMessage().contains("--follow"), e.getMessage());
        assertThrows(ShellError.class, () -> run("docker compose -f other.yml up -d"));
        assertThrows(ShellError.class, () -> run("docker run alpine"));
    }

    @Test
    void handMadeCommandsFailWithAShellErrorNamingTheCommand() {
        for (String line : List.of("echo a | grep -A abc x", "echo a | head -n", "echo a | head -n x", "echo a | grep '('",
                "curl -H NoColon http://127.0.0.1:9/", "curl -H", "echo a | tail -n -x")) {
            var e = assertThrows(ShellError.class, () -> run(line), line);
            String name = line.contains("|") ? line.substring(line.indexOf('|') + 1).trim().split(" ")[0] : line.split(" ")[0];
            assertTrue(e.getMessage().startsWith(name + ":") || e.getMessage().contains(name), line + " → " + e.getMessage());
        }
    }

    /** Many random malformed lines: each ends in a status or a ShellError, never another exception. */
    @Test
    void noExceptionButShellErrorEscapes() throws Exception {
        var names = new ArrayList<>(Shell.supported());
        names.removeAll(List.of("sleep"));
        String[] pool = {"-A", "abc", "-n", "-H", "NoColon", "--endpoint-url", "s3", "mb", "rb", "ls", "cp", "rm", "sync", "s3://",
            "s3://b", "s3://b/k", "--force", "--recursive", "--metadata", "k=v", "''", "\"\"", "-", "--", "-x", "--bogus", "=",
            "-o", "-f", "-X", "-d", "-v", "--volumes", "compose", "ps", "logs", "inspect", "volume", "-1", "0", "x", "-i", "-E",
            "-c", "-p", "-R", "a.txt", "..", "/", "(", "[", "*", "--tail", "-n=3", "--region", "--output=json"};
        var random = new Random(7);
        var lines = new ArrayList<>(List.of("grep -A abc", "curl -H NoColon", "aws --endpoint-url", "head -n", "docker", "tail -n",
                "docker compose", "docker-compose", "awslocal", "aws", "awslocal s3 cp", "docker volume", "echo a | grep -A", "sudo"));
        for (int i = 0; i < 600; i++) {
            var words = new ArrayList<String>();
            words.add(names.get(random.nextInt(names.size())));
            for (int n = random.nextInt(5); n >= 0; n--) words.add(pool[random.nextInt(pool.length)]);
            String line = String.join(" ", words);
            // starting containers is not what this test is about
            if (line.matches(".*\\b(up|restart|start|stop)\\b.*")) continue;
            lines.add(random.nextBoolean() ? line : "echo a b c | " + line);
        }
        for (String line : lines) {
            try {
                run(line);
            } catch (ShellError expected) {
                assertTrue(!expected.getMessage().isBlank(), line);
            } catch (RuntimeException e) {
                fail("`" + line + "` escaped as " + e, e);
            }
        }
    }
}
