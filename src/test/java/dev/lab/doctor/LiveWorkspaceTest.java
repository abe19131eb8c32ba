package dev.lab.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.compose.ComposeFile;
import dev.lab.compose.ComposeParser;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor --live's temporary copy holds copies of the user's bind folders, never links to them. */
class LiveWorkspaceTest {
    @TempDir Path tmp;

    @Test
    void aBindFolderThatIsALinkIsCopiedNotLinked() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("users-real-folder"));
        Files.writeString(real.resolve("state.json"), "{\"mine\": true}");
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.createSymbolicLink(project.resolve("volume"), real);
        String text = "services:\n  localstack:\n    image: localstack/localstack\n    ports: [\"127.0.0.1:4566:4566\"]\n"
                + "    volumes:\n      - ./volume:/var/lib/localstack\n";
        Path file = Files.writeString(project.resolve("docker-compose.yml"), text);
        ComposeFile compose = ComposeParser.parse(file);

        Path copied;
        try (var ws = LiveWorkspace.copy(compose, compose.services().get("localstack"), new SourceLines(text))) {
            copied = ws.compose().getParent().resolve("volume");
            assertTrue(Files.isDirectory(copied, LinkOption.NOFOLLOW_LINKS), "a real folder, not a link");
            assertEquals("{\"mine\": true}", Files.readString(copied.resolve("state.json")));
            Files.writeString(copied.resolve("state.json"), "overwritten by LocalStack");
            Files.writeString(copied.resolve("new.json"), "{}");
        }
        assertFalse(Files.exists(copied));
        assertEquals("{\"mine\": true}", Files.readString(real.resolve("state.json")));
        assertFalse(Files.exists(real.resolve("new.json")));
        assertTrue(Files.isSymbolicLink(project.resolve("volume")));
    }
}
