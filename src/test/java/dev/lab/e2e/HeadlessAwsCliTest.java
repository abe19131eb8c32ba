package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab run} gives its blocks the built-in {@code aws} unless the user chose the installed AWS
 * CLI ({@code LAB_AWS_CLI=real}); the CI machine has one (.ci/run installs it).
 */
class HeadlessAwsCliTest {
    @TempDir Path home;

    private Path lab() throws Exception {
        Path lab = Files.createDirectories(home.resolve("labs/which-aws"));
        Files.writeString(lab.resolve("lab.en.md"), "---\nlab: which-aws\ntitle: Which aws\n---\n## 1. Ask {#ask}\n\n"
                + "```bash {run}\necho \"aws says: $(aws --version 2>&1 | head -1)\"\n```\n\n```check\noutput contains \"aws says\"\n```\n");
        return lab;
    }

    @Test
    void aHeadlessRunUsesTheBuiltInAwsUnlessTheUserAsksForTheirs() throws Exception {
        Path lab = lab();
        var builtin = Child.run(home, "", "run", lab.toString(), "--lang", "en");
        assertEquals(0, builtin.exitCode(), builtin.out());
        assertTrue(builtin.out().contains("aws says: lab-builtin-aws "), "the built-in aws answers: " + builtin.out());

        var real = Child.run(home, Map.of("LAB_AWS_CLI", "real"), "", "run", lab.toString(), "--lang", "en");
        assertEquals(0, real.exitCode(), real.out());
        assertTrue(real.out().matches("(?s).*aws says: aws-cli/\\d.*Python/.*"), "the installed AWS CLI answers: " + real.out());
    }
}
