package dev.lab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker exec} and {@code docker compose exec} from {@code lab shell} with piped lines: the
 * container's mounts at their container paths, its working directory, {@code -w}/{@code -e}/{@code -i},
 * the program's exit code, {@code awslocal} inside the container reaching the same LocalStack, and
 * Docker's own answers for an unknown and a stopped container, the same on the embedded engine and on
 * Docker (the Docker tier).
 */
class ExecOnEnginesTest {
    private static final String SCRIPT = """
            docker compose up -d >/dev/null 2>&1
            docker exec ls-exec-tier ls /seed
            docker exec ls-exec-tier sh -c 'echo kept > /var/lib/localstack/mine.txt'
            docker exec ls-exec-tier ls -la /var/lib/localstack | awk '{print "data " $NF}'
            docker exec ls-exec-tier pwd
            docker exec -w /seed -e GREETING=hi ls-exec-tier sh -c 'echo "cwd=$(pwd) greeting=$GREETING"'
            docker exec ls-exec-tier sh -c 'exit 3'; echo "exit=$?"
            echo piped | docker exec -i ls-exec-tier cat
            echo lost | docker exec ls-exec-tier cat; echo "no-input=$?"
            docker compose exec -T localstack cat /seed/hello.txt </dev/null
            docker exec ls-exec-tier awslocal s3 mb s3://from-exec >/dev/null; echo "mb=$?"
            LAB_AWS_CLI=builtin awslocal s3 ls | awk '{print "bucket " $3}'
            docker exec nope ls; echo "unknown=$?"
            docker exec ls-exec-tier no-such-program; echo "missing=$?"
            docker exec ls-exec-tier; echo "usage=$?"
            docker compose stop >/dev/null 2>&1
            docker exec ls-exec-tier ls; echo "stopped=$?"
            docker compose down -v >/dev/null 2>&1
            """;

    @TempDir Path home;

    @Test
    void execRunsInTheEmbeddedContainer() throws Exception {
        assertSameStory(shell("embedded"));
    }

    @Test
    void execRunsInTheDockerContainer() throws Exception {
        DockerTier.engine().close();
        assertSameStory(shell("docker"));
    }

    private static void assertSameStory(String out) {
        assertTrue(out.contains("hello.txt\n"), "the bind mount at its container path: " + out);
        assertTrue(out.contains("data mine.txt\n"), "the volume at /var/lib/localstack holds what exec wrote: " + out);
        assertTrue(out.contains("/opt/code/localstack\n"), "LocalStack's working directory: " + out);
        assertTrue(out.contains("cwd=/seed greeting=hi\n"), "-w and -e: " + out);
        assertTrue(out.contains("exit=3\n"), "the program's exit code: " + out);
        assertTrue(out.contains("piped\n"), "-i passes standard input: " + out);
        assertTrue(!out.contains("lost\n") && out.contains("no-input=0\n"), "without -i the program reads nothing: " + out);
        assertTrue(out.contains("from the seed\n"), "compose exec -T by service name: " + out);
        assertTrue(out.contains("mb=0\n") && out.contains("bucket from-exec\n"), "awslocal in the container reaches the same LocalStack: " + out);
        assertTrue(out.contains("Error response from daemon: No such container: nope\nunknown=1\n"), out);
        assertTrue(out.contains("exec: \"no-such-program\": executable file not found in $PATH") && out.contains("missing=126\n"), out);
        assertTrue(out.contains("docker: 'docker exec' requires at least 2 arguments") && out.contains("usage=1\n"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("Error response from daemon: container [0-9a-f]{64} is not running")), out);
        assertTrue(out.contains("stopped=1\n"), out);
    }

    private String shell(String engine) throws Exception {
        Path ws = Files.createDirectories(home.resolve("ws-exec"));
        Files.createDirectories(ws.resolve("seed"));
        Files.writeString(ws.resolve("seed/hello.txt"), "from the seed\n");
        Files.writeString(ws.resolve("docker-compose.yml"), """
                services:
                  localstack:
                    image: localstack/localstack:4.14.0
                    container_name: ls-exec-tier
                    ports:
                      - "127.0.0.1:14572:4566"
                    volumes:
                      - ./seed:/seed
                      - data:/var/lib/localstack
                volumes:
                  data:
                """);
        var run = PipedShell.run(home, ws, engine, SCRIPT);
        assertEquals(0, run.exit(), run.out());
        return run.out();
    }
}
