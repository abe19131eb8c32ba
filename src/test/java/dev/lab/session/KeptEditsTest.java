package dev.lab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.lab.Lab;
import dev.lab.lab.LabLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file the learner changed is kept as <name>.~N~, with the diff, when a variant, solve or a reset replaces it; lab's own files are not. */
class KeptEditsTest {
    @TempDir Path tmp;
    private Lab lab;
    private Path workspace;
    private final List<String> told = new ArrayList<>();
    private final Listener listener = new Listener() {
        @Override public void kept(String file, String backup, List<String> diff) {
            told.add(file + " -> " + backup + "\n" + String.join("\n", diff));
        }
    };

    @BeforeEach
    void lab() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("labs/k"));
        Files.writeString(dir.resolve("lab.ko.md"), """
                ---
                lab: k
                title: 보관
                variants: { a: k/a.yml, b: k/b.yml }
                ---
                ## 1. 하나 {#one variant=a kind=exercise}

                ```check
                path done exists
                ```

                ```bash {solve}
                mkdir done
                ```
                """);
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/notes.txt"), "lab's notes\n");
        Path variants = Files.createDirectories(tmp.resolve("compose-variants/k"));
        Files.writeString(variants.resolve("a.yml"), compose("a", "./data-a"));
        Files.writeString(variants.resolve("b.yml"), compose("b", "./data-b"));
        lab = LabLoader.loadFolder(dir, "ko");
        workspace = tmp.resolve("ws/k");
    }

    private static String compose(String name, String bind) {
        return "# variant " + name + "\nservices:\n  localstack:\n    image: localstack/localstack:4.14.0\n"
                + "    volumes:\n      - \"" + bind + ":/var/lib/localstack\"\n";
    }

    private Session open() {
        return new Session(lab, new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0), workspace,
                java.util.Map.of(), tmp.resolve("state/written.properties"));
    }

    @Test
    void lab_sOwnFilesAreReplacedWithoutBackups() throws Exception {
        try (var s = open()) {
            s.useVariant("b", listener);
            s.useVariant("a", listener);
            assertEquals(StepResult.Status.SOLVED, s.solve(lab.steps().get(0), listener).status());
            s.keepingEdits(listener, () -> { s.resetAll(); return null; });
            assertEquals(List.of(), told);
            assertEquals(List.of(), backups());
        }
    }

    @Test
    void theLearner_sComposeIsKeptAsNumberedBackupsWithTheDiff() throws Exception {
        Path compose = workspace.resolve("docker-compose.yml");
        try (var s = open()) {
            Files.writeString(compose, Files.readString(compose) + "# mine 1\n");
            s.useVariant("b", listener);
            assertEquals("# variant a", Files.readString(workspace.resolve("docker-compose.yml.~1~")).lines().findFirst().orElseThrow());
            assertTrue(Files.readString(workspace.resolve("docker-compose.yml.~1~")).contains("# mine 1"));
            assertEquals(1, told.size(), told.toString());
            assertTrue(told.get(0).startsWith("docker-compose.yml -> docker-compose.yml.~1~\n--- docker-compose.yml.~1~\n+++ docker-compose.yml"), told.get(0));
            assertTrue(told.get(0).contains("\n-# mine 1") && told.get(0).contains("\n+# variant b"), told.get(0));

            Files.writeString(compose, Files.readString(compose) + "# mine 2\n");
            var r = s.solve(lab.steps().get(0), listener);
            assertEquals(StepResult.Status.SOLVED, r.status(), r.toString());
            assertTrue(Files.readString(workspace.resolve("docker-compose.yml.~2~")).contains("# mine 2"), "solve installs the step's variant over it");
            assertEquals(2, told.size());

            s.solve(lab.steps().get(0), listener);
            assertEquals(2, told.size(), "untouched since lab wrote it: no backup");
            assertEquals(List.of("docker-compose.yml.~1~", "docker-compose.yml.~2~"), backups());
        }
    }

    @Test
    void aResetKeepsTheLearner_sFilesAndTheEarlierBackups() throws Exception {
        try (var s = open()) {
            Files.writeString(workspace.resolve("notes.txt"), "my notes\n");
            Files.writeString(workspace.resolve("docker-compose.yml"), "# broken by me\n");
            s.useVariant("a", listener);
            Files.writeString(workspace.resolve("mine.sh"), "echo mine\n");
            Files.createDirectories(workspace.resolve("data-a"));
            Files.writeString(workspace.resolve("data-a/state.json"), "{}");
            s.keepingEdits(listener, () -> { s.resetAll(); return null; });
            assertEquals(List.of("docker-compose.yml.~1~", "mine.sh.~1~", "notes.txt.~1~"), backups());
            assertEquals("lab's notes\n", Files.readString(workspace.resolve("notes.txt")));
            assertEquals("my notes\n", Files.readString(workspace.resolve("notes.txt.~1~")));
            assertEquals("# broken by me\n", Files.readString(workspace.resolve("docker-compose.yml.~1~")), "kept across the wipe");
            assertTrue(told.stream().anyMatch(t -> t.startsWith("mine.sh -> mine.sh.~1~\n(mine.sh was removed)")), told.toString());
            assertTrue(told.stream().noneMatch(t -> t.contains("state.json")), "a container's data folder is not the learner's: " + told);
        }
    }

    private List<String> backups() throws Exception {
        try (Stream<Path> s = Files.walk(workspace)) {
            return s.map(p -> workspace.relativize(p).toString()).filter(n -> n.matches(".*\\.~[0-9]+~")).sorted().toList();
        }
    }
}
