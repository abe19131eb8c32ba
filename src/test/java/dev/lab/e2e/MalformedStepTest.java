package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed command fails its own step with its message and file:line; the run goes on and writes its report. */
class MalformedStepTest {
    @TempDir Path tmp;

    @Test
    void aMalformedCommandFailsItsStepAndTheRunGoesOn() throws Exception {
        Path lab = Files.createDirectories(tmp.resolve("labs/bad"));
        Files.createDirectories(tmp.resolve("compose-variants/bad"));
        Files.writeString(tmp.resolve("compose-variants/bad/plain.yml"),
                "services:\n  localstack:\n    image: localstack/localstack:4.14.0\n    ports:\n      - \"127.0.0.1:4566:4566\"\n");
        Files.writeString(lab.resolve("lab.ko.md"), """
                ---
                lab: bad
                title: 잘못된 명령
                variants: { plain: bad/plain.yml }
                ---
                ## 1. 잘못된 grep {#one variant=plain}

                ```bash {run}
                echo start
                echo hello | grep -A abc hello
                ```

                ```check
                output contains "hello"
                ```

                ## 2. 잘못된 aws {#two}

                ```bash {run}
                awslocal s3 mb s3://x --metadata k=v
                ```

                ## 3. 정상 {#three}

                ```bash {run}
                echo third
                ```

                ```check
                output contains "third"
                ```
                """);
        Path reports = tmp.resolve("reports");
        var r = Child.run(tmp.resolve("home"), "", "run", lab.toString(), "--engine", "embedded", "--report-dir", reports.toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.out().contains("lab.ko.md:10: `grep -A abc hello` exited with 2: grep:"), r.out());
        assertTrue(r.out().contains("abc"), "the command's own complaint: " + r.out());
        assertTrue(r.out().contains("Unknown options: --metadata,k=v"), r.out());
        assertTrue(r.out().contains("lab.ko.md:20:"), "a failed exit names its line too: " + r.out());
        assertTrue(r.out().contains("1/3 steps held (1 passed, 0 solved, 2 failed)"), r.out());
        assertFalse(r.out().contains("\tat "), "no stack trace: " + r.out());
        String json = Files.readString(reports.resolve("bad.json"));
        assertTrue(json.contains("\"three\""), json);
        assertTrue(Files.readString(reports.resolve("bad.junit.xml")).contains("tests=\"3\" failures=\"2\""));
    }
}
