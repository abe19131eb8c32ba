package dev.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lab.compose.ComposeParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code env_file} then {@code environment}, as Compose builds a container's environment. */
class EnvironmentsTest {
    @TempDir Path tmp;

    private Project project(String service) throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("docker-compose.yml"), "services:\n  app:\n    image: a\n" + service);
        return new Project("ws", ws, ComposeParser.parse(ws.resolve("docker-compose.yml")));
    }

    @Test
    void envFilesInOrderThenEnvironmentWins() throws Exception {
        var p = project("    env_file: [a.env, b.env]\n    environment:\n      B: from-compose\n");
        Files.writeString(p.workdir().resolve("a.env"), "# comment\nA=1\nB=2\nQ=\"two words\"\n\nexport E=x # note\n");
        Files.writeString(p.workdir().resolve("b.env"), "A=3\n");
        assertEquals(Map.of("A", "3", "B", "from-compose", "Q", "two words", "E", "x"),
                Environments.of(p, p.compose().services().get("app")));
    }

    @Test
    void aMissingOrBadOrOutsideEnvFileIsAnError() throws Exception {
        var p = project("    env_file: .env\n");
        var missing = assertThrows(EngineException.class, () -> Environments.of(p, p.compose().services().get("app")));
        assertEquals(true, missing.getMessage().startsWith("env file " + p.workdir().resolve(".env") + " not found"));
        Files.writeString(p.workdir().resolve(".env"), "OK=1\nnot a name=2\n");
        var bad = assertThrows(EngineException.class, () -> Environments.of(p, p.compose().services().get("app")));
        assertEquals(p.workdir().resolve(".env") + ":2: invalid variable name 'not a name' in env file", bad.getMessage());
        Files.delete(p.workdir().resolve(".env"));
        Files.writeString(tmp.resolve("secret.env"), "S=1\n");
        Files.createSymbolicLink(p.workdir().resolve(".env"), tmp.resolve("secret.env"));
        var outside = assertThrows(EngineException.class, () -> Environments.of(p, p.compose().services().get("app")));
        assertEquals("env file .env is outside the lab workspace " + p.workdir(), outside.getMessage());
    }
}
