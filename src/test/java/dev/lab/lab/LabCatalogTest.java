package dev.lab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCatalogTest {

    @TempDir
    Path labs;

    private Path lab(String folder, String file, String id) throws IOException {
        Path dir = Files.createDirectories(labs.resolve(folder));
        Files.writeString(dir.resolve(file), "---\nlab: " + id + "\ntitle: " + file + "\n---\n## 1. 단계 {#one}\n");
        return dir;
    }

    @Test
    void listsFoldersWithLabFilesSorted() throws IOException {
        lab("persistence", "lab.ko.md", "persistence");
        lab("cors", "lab.en.md", "cors");
        Files.createDirectories(labs.resolve("empty/files"));
        Files.writeString(Files.createDirectories(labs.resolve("notes")).resolve("README.md"), "x");
        LabCatalog catalog = new LabCatalog(labs);
        assertEquals(List.of("cors", "persistence"), catalog.ids());
        assertEquals(labs.resolve("cors"), catalog.dir("cors"));
        assertEquals("persistence", catalog.load("persistence", null).id());
    }

    @Test
    void unknownLabListsKnownOnes() throws IOException {
        lab("persistence", "lab.ko.md", "persistence");
        LabException e = assertThrows(LabException.class, () -> new LabCatalog(labs).dir("persistance"));
        assertEquals(labs + ": unknown lab 'persistance' (known labs: persistence)", e.getMessage());
        LabException none = assertThrows(LabException.class, () -> new LabCatalog(labs.resolve("missing")).dir("x"));
        assertEquals(labs.resolve("missing") + ": unknown lab 'x' (no labs found here)", none.getMessage());
        assertEquals(List.of(), new LabCatalog(labs.resolve("missing")).ids());
    }

    @Test
    void loadFolderPicksLanguageAndFallsBackToKorean() throws IOException {
        Path dir = lab("persistence", "lab.ko.md", "persistence");
        lab("persistence", "lab.en.md", "persistence");
        assertEquals("lab.en.md", LabLoader.loadFolder(dir, "en").title());
        assertEquals("en", LabLoader.loadFolder(dir, "en").lang());
        assertEquals("lab.ko.md", LabLoader.loadFolder(dir, "ja").title());
        assertEquals("ko", LabLoader.loadFolder(dir, "ja").lang());
        assertEquals("lab.ko.md", LabLoader.loadFolder(dir, null).title());
        assertEquals(dir.resolve("lab.en.md"), LabLoader.loadFolder(dir, "en").file());
    }

    @Test
    void loadFolderFailsWithoutAnyLabFile() throws IOException {
        Path dir = lab("cors", "lab.en.md", "cors");
        LabException e = assertThrows(LabException.class, () -> LabLoader.loadFolder(dir, "ja"));
        assertEquals(dir + ": no lab.ja.md or lab.ko.md in this folder", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void loadFolderChecksIdAgainstFolderName() throws IOException {
        Path dir = lab("persistence", "lab.ko.md", "persistance");
        LabException e = assertThrows(LabException.class, () -> LabLoader.loadFolder(dir, "ko"));
        assertEquals(dir.resolve("lab.ko.md") + ":2: lab id 'persistance' does not match its folder name 'persistence'",
                e.getMessage());
        assertEquals("persistance", LabLoader.load(dir.resolve("lab.ko.md")).id());
    }

    @Test
    void unreadableFileIsReportedWithoutLine() {
        Path missing = labs.resolve("ghost/lab.ko.md");
        LabException e = assertThrows(LabException.class, () -> LabLoader.load(missing));
        assertEquals(0, e.line());
        assertEquals(missing + ": cannot read lab file: java.nio.file.NoSuchFileException: " + missing, e.getMessage());
    }
}
