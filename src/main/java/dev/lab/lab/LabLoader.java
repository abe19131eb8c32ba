package dev.lab.lab;

import dev.lab.source.Utf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code lab.<lang>.md} files into {@link Lab}s, reporting mistakes as {@link LabException}s. */
public final class LabLoader {

    /** The language used when none is asked for, and the fallback when a translation is missing. */
    public static final String DEFAULT_LANG = "ko";

    private static final Pattern FILE_LANG = Pattern.compile("lab\\.([A-Za-z_-]+)\\.md");

    private LabLoader() {
    }

    /**
     * Loads one lab file without checking its id against the folder name.
     *
     * @throws LabException when the file cannot be read or has a mistake
     */
    public static Lab load(Path labFile) {
        return parse(labFile, read(labFile), null);
    }

    /**
     * Loads {@code lab.<lang>.md} from a lab folder, falling back to {@code lab.ko.md}, then
     * {@code lab.en.md}, then any other {@code lab.<lang>.md}, and checks that the front matter's
     * {@code lab:} equals the folder name. {@link #fallback(Lab, String)} says when it fell back.
     *
     * @param labDir the folder {@code labs/<id>}
     * @param lang   the wanted language, or {@code null} for {@value #DEFAULT_LANG}
     * @throws LabException when the folder has no lab file or the file has a mistake
     */
    public static Lab loadFolder(Path labDir, String lang) {
        String wanted = lang == null || lang.isBlank() ? DEFAULT_LANG : lang;
        Path file = labFiles(labDir, wanted).stream().findFirst()
                .orElseThrow(() -> new LabException(labDir, 0, "no lab." + wanted + ".md or any other lab.<lang>.md in this folder"));
        Path name = labDir.toAbsolutePath().normalize().getFileName();
        return parse(file, read(file), name == null ? "" : name.toString());
    }

    /**
     * The note to show once when {@code lab} is not in the {@code wanted} language, e.g.
     * {@code "lab cors has no lab.ko.md; showing lab.en.md"}, or {@code null} when it is.
     */
    public static String fallback(Lab lab, String wanted) {
        String want = wanted == null || wanted.isBlank() ? DEFAULT_LANG : wanted;
        String got = lab.file().getFileName().toString();
        return got.equals("lab." + want + ".md") ? null : "lab " + lab.id() + " has no lab." + want + ".md; showing " + got;
    }

    /** Whether {@code dir} holds a {@code lab.<lang>.md} file. */
    public static boolean isLabFolder(Path dir) {
        return Files.isDirectory(dir) && !labFiles(dir, DEFAULT_LANG).isEmpty();
    }

    /** The folder's lab files in the order they are tried for {@code wanted}. */
    private static List<Path> labFiles(Path dir, String wanted) {
        var order = new java.util.ArrayList<Path>();
        for (String l : List.of(wanted, DEFAULT_LANG, "en")) {
            Path f = dir.resolve("lab." + l + ".md");
            if (Files.isRegularFile(f) && !order.contains(f)) order.add(f);
        }
        try (var files = Files.list(dir)) {
            files.filter(f -> Files.isRegularFile(f) && FILE_LANG.matcher(f.getFileName().toString()).matches())
                    .sorted().filter(f -> !order.contains(f)).forEach(order::add);
        } catch (IOException e) {
            throw new LabException(dir, 0, "cannot list lab folder: " + e.getMessage());
        }
        return order;
    }

    /**
     * Parses lab Markdown that was read elsewhere.
     *
     * @param file the path to name in errors and to take {@link Lab#dir()} from
     * @param text the file content
     * @throws LabException when the text has a mistake
     */
    public static Lab parse(Path file, String text) {
        return parse(file, text, null);
    }

    private static Lab parse(Path file, String text, String expectedId) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        List<String> lines = Arrays.asList(normalized.split("\n", -1));
        FrontMatter front = FrontMatter.parse(file, lines);
        if (expectedId != null && !front.lab().equals(expectedId)) {
            throw new LabException(file, front.labLine(),
                    "lab id '" + front.lab() + "' does not match its folder name '" + expectedId + "'");
        }
        List<String> body = lines.subList(front.bodyOffset(), lines.size());
        BodyReader.Result result = BodyReader.read(file, body, front.bodyOffset(), front.variants());
        if (result.steps().isEmpty()) {
            throw new LabException(file, front.bodyOffset(), "the lab has no steps; add a '## 1. title {#id}' heading");
        }
        Path dir = file.toAbsolutePath().getParent();
        return new Lab(front.lab(), front.title(), lang(front, file), file, dir, front.variants(), front.editions(),
                result.introMarkdown(), result.steps());
    }

    private static String lang(FrontMatter front, Path file) {
        if (front.lang() != null) {
            return front.lang();
        }
        Matcher m = FILE_LANG.matcher(file.getFileName() == null ? "" : file.getFileName().toString());
        return m.matches() ? m.group(1) : DEFAULT_LANG;
    }

    private static String read(Path file) {
        try {
            return Utf8.read(file);
        } catch (Utf8.Invalid e) {
            throw new LabException(file, e.line(), e.getMessage());
        } catch (IOException e) {
            throw new LabException(file, 0, "cannot read lab file: " + e);
        }
    }
}
