package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `lab validate` runs every docker/aws command of the run and solve blocks through the lab's own argument
 * parsers: what would be refused at run time is named at validate time, with file:line; here-document
 * bodies, comments, quoted text and commands whose words bash expands are left alone.
 */
class ValidateCommandsTest {
    @TempDir Path home;

    @Test
    void refusedCommandsAreNamedWithTheirLine() throws Exception {
        Path lab = Files.createDirectories(home.resolve("labs/cmds"));
        Files.writeString(lab.resolve("lab.en.md"), """
                ---
                lab: cmds
                title: t
                ---
                ## 1. a {#a}

                ```bash {run}
                docker compose up -d
                awslocal s3 ls s3://b --recursive | grep -c x || true
                aws s3 cp a.txt s3://b/a.txt --bogus
                cat > x.sh <<'EOF'
                aws s3 bogus
                EOF
                echo "aws s3 bogus" # aws s3 bogus
                F=a.txt aws s3 cp "$F" s3://b/ --whatever
                if docker volume rm data; then echo no; fi
                ```

                ```bash {solve}
                docker compose frobnicate && \\
                  aws sqs list-queues
                docker ps -a
                ```

                ```check
                output contains "x"
                ```
                """);
        var r = Child.run(home, "", "validate", lab.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertEquals(List.of(
                "lab.en.md:10: `aws s3 cp a.txt s3://b/a.txt --bogus`: Unknown options: --bogus",
                "lab.en.md:16: `docker volume rm data`: docker volume rm is not supported by the lab's runner (supported: docker volume ls)",
                "lab.en.md:20: `docker compose frobnicate`: unknown docker command: \"compose frobnicate\"",
                "lab.en.md:20: `aws sqs list-queues`: aws: only the s3 and s3api commands are built in, not `sqs`; install the AWS CLI (the lab uses it when present) or run the lab with --engine docker"),
                r.out().strip().lines().toList());
    }
}
