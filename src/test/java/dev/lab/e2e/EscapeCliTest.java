package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names that are paths, variants out of their folder and YAML nested without end: one line naming file:line, exit 2. */
class EscapeCliTest {
    @TempDir Path home;

    private List<String> list(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void doctorLiveRefusesAVolumeNamedWithAPathAndLeavesItAlone() throws Exception {
        Path photos = Files.createDirectories(home.resolve("you/photos"));
        Files.writeString(photos.resolve("cat.jpg"), "precious");
        Path project = Files.createDirectories(home.resolve("project"));
        Path file = Files.writeString(project.resolve("docker-compose.yml"), "services:\n  localstack:\n"
                + "    image: localstack/localstack\n    ports: [\"127.0.0.1:4566:4566\"]\n"
                + "    volumes:\n      - data:/var/lib/localstack\nvolumes:\n  data:\n    external: true\n"
                + "    name: " + photos + "\n");
        var r = Child.run(home, "", "doctor", "--live", file.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().contains(file + ":10: invalid volume name '" + photos + "'"), r.out());
        assertEquals(List.of("cat.jpg"), list(photos));

        Files.writeString(file, Files.readString(file).replace("  data:\n    external: true\n    name: " + photos + "\n",
                "  x/../../../../../../" + photos + ":\n").replace("- data:", "- x/../../../../../../" + photos + ":"));
        var key = Child.run(home, "", "doctor", "--live", file.toString());
        assertEquals(2, key.exitCode(), key.out());
        assertTrue(key.out().contains(file + ":8: invalid volume name 'x/../"), key.out());
        assertEquals(List.of("cat.jpg"), list(photos));
    }

    @Test
    void validateRejectsAVariantOutsideItsFolderAndDeepYaml() throws Exception {
        Path lab = Files.createDirectories(home.resolve("labs/demo"));
        Files.writeString(lab.resolve("lab.ko.md"), "---\nlab: demo\ntitle: t\nvariants: { x: ../../../../etc/passwd }\n---\n"
                + "## 1. a {#a variant=x}\n");
        var r = Child.run(home, "", "validate", lab.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains("lab.ko.md:4: variant 'x' must name a file under compose-variants/demo/"), r.out());

        Files.writeString(lab.resolve("lab.ko.md"), "---\nlab: demo\ntitle: t\nlang: " + "[".repeat(50_000)
                + "]".repeat(50_000) + "\n---\n## 1. a {#a}\n");
        var deep = Child.run(home, "", "validate", lab.toString());
        assertEquals(2, deep.exitCode(), deep.out());
        assertEquals(1, deep.out().strip().lines().count(), deep.out());
        assertTrue(deep.out().contains("lab.ko.md:4: invalid front matter YAML: nesting deeper than 64 levels"), deep.out());
        assertFalse(deep.out().contains("StackOverflowError"), deep.out());
    }
}
