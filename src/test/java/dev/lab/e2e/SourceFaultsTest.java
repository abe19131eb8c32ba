package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port taken by another program and a compose variant that is not UTF-8: one line, exit 2, before any step (and for
 * the variant, before the engine host starts).
 */
class SourceFaultsTest {
    @TempDir Path home;

    @Test
    void aPortInUseIsOneLineAndExit2ForRunTestAndServe() throws Exception {
        try (var taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 4566));
            for (String[] args : new String[][] {{"run", "persistence"}, {"test", "persistence"}, {"engine", "serve"}}) {
                var r = Child.run(home, "", args);
                assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.out());
                assertTrue(r.out().contains("port 4566 is already in use on 127.0.0.1"), r.out());
                assertEquals(1, errorLines(r.out()), String.join(" ", args) + ": " + r.out());
            }
        }
    }

    @Test
    void aVariantThatIsNotUtf8IsNamedWithItsLineByValidateAndRun() throws Exception {
        Path lab = Files.createDirectories(home.resolve("labs/enc"));
        Files.writeString(lab.resolve("lab.ko.md"), "---\nlab: enc\ntitle: t\nvariants: { v: enc/v.yml }\n---\n"
                + "## 1. a {#a variant=v}\n\n```bash {run}\necho hi\n```\n");
        Path variant = Files.createDirectories(home.resolve("compose-variants/enc")).resolve("v.yml");
        byte[] head = "services:\n  localstack:\n    image: localstack/localstack:4.14.0 # caf".getBytes();
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é
        bytes[head.length + 1] = '\n';
        Files.write(variant, bytes);
        for (String command : new String[] {"validate", "run"}) {
            var r = Child.run(home, "", command, lab.toString());
            assertEquals(2, r.exitCode(), command + ": " + r.out());
            assertTrue(r.out().contains("v.yml:3: invalid UTF-8 byte 0xE9"), command + ": " + r.out());
            assertEquals(1, errorLines(r.out()), command + ": " + r.out());
        }
        assertTrue(Files.notExists(home.resolve("state/engine/host.log")), "no engine host started for a lab that cannot run");
    }

    @Test
    void aCommandTheEmbeddedEngineCannotRunIsNamedWithItsLineByValidateRunAndStart() throws Exception {
        Path lab = Files.createDirectories(home.resolve("labs/py"));
        Files.writeString(lab.resolve("lab.ko.md"), "---\nlab: py\ntitle: t\nvariants: { v: py/v.yml }\n---\n"
                + "## 1. a {#a variant=v}\n\n```bash {run}\ndocker compose up -d\n```\n");
        Path variants = Files.createDirectories(home.resolve("compose-variants/py"));
        String runnable = "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
                + "    volumes:\n      - ./scripts:/scripts\n"
                + "  seed:\n    image: amazon/aws-cli\n    command: [\"s3\", \"mb\", \"s3://seed\"]\n"
                + "  hook:\n    image: localstack/localstack:4.14.0\n    volumes:\n      - ./scripts:/scripts\n"
                + "    entrypoint: [\"/scripts/seed.sh\"]\n";
        Files.writeString(variants.resolve("v.yml"), runnable);
        var ok = Child.run(home, "", "validate", lab.toString());
        assertEquals(0, ok.exitCode(), "aws on the aws-cli image and a mounted script run: " + ok.out());
        Files.writeString(variants.resolve("v.yml"), runnable + "  app:\n    image: portal-universe/blog-service:latest\n"
                + "    depends_on: [localstack]\n    entrypoint: [\"python3\", \"app.py\"]\n"
                + "  other:\n    image: localstack/localstack:4.14.0\n    command: [\"sleep\", \"1\"]\n");
        for (String command : new String[] {"validate", "run", "start"}) {
            var r = Child.run(home, "", command, lab.toString());
            assertEquals(2, r.exitCode(), command + ": " + r.out());
            assertTrue(r.out().contains("v.yml:17: service app: the embedded engine cannot run `python3 app.py` (it runs"
                    + " aws/awslocal calls and shell scripts against the emulator); use --engine docker"), command + ": " + r.out());
            if (command.equals("validate")) {
                assertTrue(r.out().contains("v.yml:20: service other: the embedded engine cannot run the image's entrypoint with"
                        + " `command: sleep 1`"), r.out());
                assertEquals(2, errorLines(r.out()), r.out());
            } else {
                assertEquals(1, errorLines(r.out()), command + " stops at the first, as it loads the lab: " + r.out());
            }
        }
    }

    // The error is one line; a slow engine host start (a loaded machine) may say it is starting before it.
    private static long errorLines(String out) {
        return out.strip().lines().filter(l -> !l.startsWith("starting the engine host (log: ")).count();
    }
}
