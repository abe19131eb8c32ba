package dev.lab.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file parsed again with the same text gives the same result; an edit is parsed afresh, and errors every time. */
class ComposeParseReuseTest {
    @TempDir Path dir;

    @Test
    void theSameTextIsReusedAndAnEditIsSeen() throws Exception {
        Path f = dir.resolve("docker-compose.yml");
        Files.writeString(f, "services:\n  a:\n    image: a\n");
        ComposeFile first = ComposeParser.parse(f);
        assertSame(first, ComposeParser.parse(f));
        Files.writeString(f, "services:\n  a:\n    image: b\n");
        ComposeFile edited = ComposeParser.parse(f);
        assertNotSame(first, edited);
        assertEquals("b", edited.services().get("a").image());
        assertEquals("a", ComposeParser.parse(dir.resolve("other.yml"), "services:\n  a:\n    image: a\n").services().get("a").image());
    }

    @Test
    void aBrokenFileFailsEveryTime() throws Exception {
        Path f = dir.resolve("docker-compose.yml");
        Files.writeString(f, "services:\n  a:\n    image: a\n    bogus: 1\n");
        var e1 = assertThrows(ComposeException.class, () -> ComposeParser.parse(f));
        var e2 = assertThrows(ComposeException.class, () -> ComposeParser.parse(f));
        assertEquals(e1.getMessage(), e2.getMessage());
    }
}
