package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage and bad lab files end with one line and exit code 2; good ones validate. */
class CliErrorsTest {
    @TempDir Path home;

    @Test
    void unknownLabOptionAndEngine() throws Exception {
        var r = Child.run(home, "", "run", "nosuchlab");
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains("nosuchlab"), r.out());
        var o = Child.run(home, "", "run", "persistence", "--edition", "enterprise");
        assertEquals(2, o.exitCode(), o.out());
        assertTrue(o.out().contains("--edition must be pro or community-4.14"), o.out());
        var d = Child.run(home, java.util.Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"), "", "run", "persistence", "--engine", "docker");
        assertEquals(2, d.exitCode(), d.out());
        assertTrue(d.out().contains("cannot reach the Docker engine at unix:///nonexistent/docker.sock"), d.out());
        assertTrue(d.out().contains("--engine embedded"), d.out());
        var u = Child.run(home, "", "frobnicate");
        assertEquals(2, u.exitCode(), u.out());
    }

    @Test
    void aLabHomeThatIsAFileIsOneLineAndExitTwo() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x\n");
        var r = Child.run(file, "", "run", "persistence");
        assertEquals(2, r.exitCode(), r.out());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().startsWith("lab: cannot use " + file + " as the lab home"), r.out());
    }

    @Test
    void anImageOverrideReachesEveryVariant() throws Exception {
        var r = Child.run(home, "", "run", "persistence", "--quiet", "--lang", "en", "--image", "localstack=localstack/localstack:latest");
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.out().contains("container localstack running  — expected: running, actual: exited"), r.out());
        var bad = Child.run(home, "", "run", "persistence", "--image", "localstack");
        assertEquals(2, bad.exitCode(), bad.out());
        assertTrue(bad.out().contains("--image expects NAME=IMAGE"), bad.out());
    }

    @Test
    void validateAcceptsThePersistenceLabAndNamesTheLineOfABadOne() throws Exception {
        var ok = Child.run(home, "", "validate", "persistence");
        assertEquals(0, ok.exitCode(), ok.out());
        assertTrue(ok.out().startsWith("ok: "), ok.out());

        Path lab = Files.createDirectories(home.resolve("labs/broken"));
        Files.writeString(lab.resolve("lab.ko.md"), "---\nlab: broken\ntitle: t\n---\n## 1. a {#a}\n\n```check\nbucket b exists\n```\n\n"
                + "```bash {run}\nif true; then\n  echo never closed\n```\n");
        var bad = Child.run(home, "", "validate", lab.toString());
        assertEquals(2, bad.exitCode(), bad.out());
        assertTrue(bad.out().contains("lab.ko.md:14: syntax error: unexpected end of file"), bad.out());
    }

    @Test
    void validateRejectsATranslationWhoseStepIdsDifferNamingTheStep() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path lab = Files.createDirectories(home.resolve("copy/labs/persistence"));
        Files.copy(root.resolve("labs/persistence/lab.ko.md"), lab.resolve("lab.ko.md"));
        Files.copy(root.resolve("labs/persistence/files/test-image.jpg"), Files.createDirectories(lab.resolve("files")).resolve("test-image.jpg"));
        Files.writeString(lab.resolve("lab.en.md"), Files.readString(root.resolve("labs/persistence/lab.en.md"))
                .replace("{#down-v variant=named-volume", "{#down-minus-v variant=named-volume"));
        Path variants = Files.createDirectories(home.resolve("copy/compose-variants/persistence"));
        try (var files = Files.list(root.resolve("compose-variants/persistence"))) {
            for (Path f : files.toList()) Files.copy(f, variants.resolve(f.getFileName()));
        }
        var r = Child.run(home, "", "validate", lab.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains("step 'down-v' is in ko but missing in en"), r.out());
        assertTrue(r.out().contains("step 'down-minus-v' is in en but missing in ko"), r.out());
    }

    @Test
    void aMalformedLabFileIsOneLineNamingFileAndLine() throws Exception {
        Path lab = Files.createDirectories(home.resolve("labs/broken"));
        Files.writeString(lab.resolve("lab.ko.md"), "---\nlab: broken\ntitle: t\n---\n## 1. a {#a variant=nope}\n");
        var r = Child.run(home, "", "run", lab.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains("lab.ko.md:5:"), r.out());
        assertEquals(1, r.out().strip().lines().count(), r.out());
    }
}
