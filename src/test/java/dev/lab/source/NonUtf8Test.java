package dev.lab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.compose.ComposeException;
import dev.lab.compose.ComposeParser;
import dev.lab.lab.LabException;
import dev.lab.lab.LabLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lab or compose file that is not UTF-8 is refused naming the file and the line of the first bad byte. */
class NonUtf8Test {
    @TempDir Path tmp;

    /** {@code before}, then one byte that is never UTF-8 (0xFF), then {@code after}. */
    private static byte[] withBadByte(String before, String after) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.write(0xFF);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void aLabFileNamesTheLineInTheBodyAndInTheFrontMatter() throws Exception {
        Path body = Files.write(tmp.resolve("lab.ko.md"), withBadByte("---\nlab: x\ntitle: 한글\n---\n## 1. a {#a}\n\n텍스트 ", "\n"));
        LabException e = assertThrows(LabException.class, () -> LabLoader.load(body));
        assertEquals(7, e.line(), e.getMessage());
        assertEquals(body + ":7: invalid UTF-8 byte 0xFF; save the file as UTF-8", e.getMessage());

        Path front = Files.write(tmp.resolve("lab.en.md"), withBadByte("---\nlab: x\ntitle: ", "t\n---\n## 1. a {#a}\n"));
        assertEquals(3, assertThrows(LabException.class, () -> LabLoader.load(front)).line());
    }

    @Test
    void aComposeFileNamesTheLine() throws Exception {
        Path file = Files.write(tmp.resolve("compose.yml"), withBadByte("services:\n  localstack:\n    image: ", "x\n"));
        ComposeException e = assertThrows(ComposeException.class, () -> ComposeParser.parse(file));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":3: invalid UTF-8 byte 0xFF"), e.getMessage());
    }

    @Test
    void validUtf8ReadsAsBefore() throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "한글\nline 2 ✔\n");
        assertEquals("한글\nline 2 ✔\n", Utf8.read(file));
    }
}
