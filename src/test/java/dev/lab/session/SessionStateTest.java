package dev.lab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.lab.Lab;
import dev.lab.lab.LabLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The variant in force and the S3 endpoint come from the workspace's compose file, whoever wrote it. */
class SessionStateTest {
    @TempDir Path tmp;
    private Lab lab;
    private Path workspace;

    @BeforeEach
    void lab() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("labs/v"));
        Files.writeString(dir.resolve("lab.ko.md"), """
                ---
                lab: v
                title: 변형
                variants: { a: v/a.yml, b: v/b.yml }
                ---
                ## 1. 하나 {#one variant=a}

                ```bash {run}
                cat docker-compose.yml
                ```

                ```check
                output contains "variant a"
                ```

                ## 2. 버킷 {#bucket variant=b}

                ```bash {run}
                docker compose up -d localstack
                awslocal s3 mb s3://state-test
                ```

                ```check
                bucket state-test exists
                ```
                """);
        Path variants = Files.createDirectories(tmp.resolve("compose-variants/v"));
        Files.writeString(variants.resolve("a.yml"), compose("a", 14566));
        Files.writeString(variants.resolve("b.yml"), compose("b", 24566));
        lab = LabLoader.loadFolder(dir, "ko");
        workspace = tmp.resolve("ws/v");
    }

    private static String compose(String name, int port) {
        return "# variant " + name + "\nservices:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
                + "    container_name: localstack-" + name + "\n    ports:\n      - \"127.0.0.1:" + port + ":4566\"\n";
    }

    private Session open() {
        return new Session(lab, new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0), workspace);
    }

    @Test
    void aVariantChosenInAnEarlierSessionIsTheOneInForceAndStepOneReinstallsItsOwn() throws Exception {
        try (var first = open()) {
            assertEquals("a", first.variant());
            first.useVariant("b", new Listener() {});
        }
        try (var again = open()) {
            assertEquals("b", again.variant(), "the workspace's docker-compose.yml holds b");
            var r = again.run(lab.steps().get(0), new Listener() {});
            assertTrue(r.passed(), "step 1 runs on variant a: " + r);
            assertEquals("a", again.variant());
        }
    }

    @Test
    void anEditedFileIsNoVariantAndAStepPutsItsOwnBack() throws Exception {
        try (var s = open()) {
            Files.writeString(workspace.resolve("docker-compose.yml"), compose("edited", 14566));
            assertNull(s.variant(), "an edited file is none of the variants");
            var r = s.run(lab.steps().get(0), new Listener() {});
            assertTrue(r.passed(), "step 1 reinstalled variant a: " + r);
        }
    }

    @Test
    void awslocalAndTheChecksUseThePortTheComposeFilePublishes() throws Exception {
        try (var s = open()) {
            s.moveTo(1);
            var r = s.run(lab.steps().get(1), new Listener() {});
            s.engine().purge(s.projectName());
            assertTrue(r.error() == null, "awslocal reached LocalStack on 24566: " + r);
            assertTrue(r.passed(), "the bucket check asked port 24566: " + r);
        }
    }
}
