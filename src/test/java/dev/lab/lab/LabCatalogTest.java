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
    void aLabWithOneLanguageLoadsInItAndSaysSo() throws IOException {
        Path dir = lab("cors", "lab.en.md", "cors");
        lab("persistence", "lab.ko.md", "persistence");
        Lab cors = LabLoader.loadFolder(dir, "ko");
        assertEquals("lab.en.md", cors.title());
        assertEquals("lab cors has no lab.ko.md; showing lab.en.md", LabLoader.fallback(cors, "ko"));
        assertEquals(null, LabLoader.fallback(LabLoader.loadFolder(dir, "en"), "en"));
        assertEquals("lab.en.md", new LabCatalog(labs).load("cors", null).title());
        assertEquals(List.of("cors", "persistence"), new LabCatalog(labs).ids());
        Path ja = lab("ja", "lab.ja.md", "ja");
        assertEquals("lab.ja.md", LabLoader.loadFolder(ja, "en").title());
        assertEquals("lab ja has no lab.en.md; showing lab.ja.md", LabLoader.fallback(LabLoader.loadFolder(ja, "en"), "en"));
    }

    @Test
    void loadFolderFailsWithoutAnyLabFile() throws IOException {
        Path dir = Files.createDirectories(labs.resolve("cors"));
        Files.writeString(dir.resolve("README.md"), "x");
        LabException e = assertThrows(LabException.class, () -> LabLoader.loadFolder(dir, "ja"));
        assertEquals(dir + ": no lab.ja.md or any other lab.<lang>.md in this folder", e.getMessage());
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
