package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        var cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "-Dlab.home=" + home.resolve("home"), "-Dlab.root=" + Path.of("").toAbsolutePath(), "dev.lab.cli.Main",
                "shell", "--workspace", ws.toString(), "--engine", engine, "--edition", "community-4.14");
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LAB_ENGINE_IDLE", "0"); // the host goes with this shell, so the next test finds the port free
        Process p = pb.start();
        p.getOutputStream().write(SCRIPT.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "lab shell on " + engine + " did not finish: " + out);
        Path socket = home.resolve("home/state/engine/host.sock");
        for (int i = 0; i < 300 && Files.exists(socket); i++) Thread.sleep(50);
        return new Run(p.exitValue(), out);
    }
}
