package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `lab shell` with piped lines: the same script of the lab's docker, aws and awslocal, a loop, a
 * heredoc and a pipe gives the same output on the embedded engine and on Docker (the Docker tier).
 * The workspace's LocalStack has a name and port of its own, so a lab running beside it (on either
 * engine) does not clash with it.
 */
class LabShellOnEnginesTest {
    private static final String SCRIPT = """
            echo "endpoint=$AWS_ENDPOINT_URL region=$AWS_DEFAULT_REGION"
            docker compose up -d localstack
            docker compose ps
            awslocal s3 mb s3://tier-x
            LAB_AWS_CLI=builtin aws s3 ls
            for b in a b; do awslocal s3 mb s3://tier-$b; done
            who=heredoc
            cat > note.txt <<EOF
            written by a $who in $(basename "$PWD")
            EOF
            awslocal s3 cp note.txt s3://tier-x/note.txt >/dev/null
            LAB_AWS_CLI=builtin awslocal s3 cp s3://tier-x/note.txt -
            LAB_AWS_CLI=builtin awslocal s3 ls | sort -k3 | awk '{print "listed " $3}'
            docker compose down -v
            echo "down=$?"
            docker compose ps | grep -q localstack/localstack || echo "none left"
            (exit 5)
            """;

    @TempDir Path home;

    @Test
    void theScriptRunsOnTheEmbeddedEngine() throws Exception {
        assertSameStory(shell("embedded"));
    }

    @Test
    void theSameScriptRunsOnDocker() throws Exception {
        DockerTier.engine().close();
        assertSameStory(shell("docker"));
    }

    private static void assertSameStory(Run r) {
        String out = r.out();
        assertEquals(5, r.exit(), "the shell exits with the last command's status: " + out);
        assertTrue(out.contains("endpoint=http://localhost:14571 region=eu-west-1\n"), "the workspace's endpoint and region: " + out);
        assertTrue(out.lines().anyMatch(l -> l.matches(".*Container ls-shell-tier\\s+Started.*")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("ls-shell-tier\\s+localstack/localstack:4\\.14\\.0\\s+localstack\\s+Up.*127\\.0\\.0\\.1:14571->4566/tcp.*")),
                "docker compose ps lists the running LocalStack: " + out);
        assertTrue(out.contains("make_bucket: tier-x\n"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d tier-x")), "the built-in aws s3 ls: " + out);
        assertTrue(out.contains("make_bucket: tier-a\n") && out.contains("make_bucket: tier-b\n"), "the for loop: " + out);
        assertTrue(out.contains("written by a heredoc in ws-tier\n"), "the heredoc's file, through S3: " + out);
        assertTrue(out.contains("listed tier-a\nlisted tier-b\nlisted tier-x\n"), "a pipe of the lab's aws into sort and awk: " + out);
        assertTrue(out.lines().anyMatch(l -> l.matches(".*Container ls-shell-tier\\s+Removed.*")), out);
        assertTrue(out.contains("down=0\n") && out.contains("none left\n"), "down -v leaves no LocalStack: " + out);
    }

    private record Run(int exit, String out) {}

    private Run shell(String engine) throws Exception {
        Path ws = Files.createDirectories(home.resolve("ws-tier"));
        Files.writeString(ws.resolve("docker-compose.yml"), """
                services:
                  localstack:
                    image: localstack/localstack:4.14.0
                    container_name: ls-shell-tier
                    ports:
                      - "127.0.0.1:14571:4566"
                    environment:
                      - AWS_DEFAULT_REGION=eu-west-1
                """);
        var run = PipedShell.run(home, ws, engine, SCRIPT);
        return new Run(run.exit(), run.out());
    }
}
