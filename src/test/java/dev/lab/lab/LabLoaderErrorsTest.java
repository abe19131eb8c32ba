package dev.lab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabLoaderErrorsTest {

    private static final Path FILE = Path.of("labs/persistence/lab.ko.md");

    /** Five lines of front matter, so the body starts on line 6. */
    private static final String HEAD = "---\nlab: persistence\ntitle: 영속성\nvariants: { fixed: persistence/a.yml }\n---\n";

    private static final String STEP = "## 1. 업로드 {#upload}\n";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("# 제목\n" + STEP, 1, "missing front matter: the file must start with a '---' line"),
                Arguments.of("---\nlab: persistence\n" + STEP, 1, "front matter is not closed by a '---' line"),
                Arguments.of("---\nlab: persistence\ntitel: x\n---\n" + STEP, 3,
                        "unknown front matter key 'titel' (known: lab, title, variants, editions, lang)"),
                Arguments.of("---\nlab: persistence\n---\n" + STEP, 1, "front matter is missing 'title'"),
                Arguments.of("---\nlab: a\ntitle: b\nlab: c\n---\n" + STEP, 4, "duplicate front matter key 'lab'"),
                Arguments.of("---\nlab: a\ntitle: [x\n---\n" + STEP, 3,
                        "invalid front matter YAML: expected ',' or ']', but got <stream end>"),
                Arguments.of("---\nlab: a\ntitle: b\nvariants: [a, b]\n---\n" + STEP, 4,
                        "'variants' must map variant names to compose file paths"),
                Arguments.of("---\nlab:\ntitle: b\n---\n" + STEP, 2, "'lab' must be a non-empty text value"),
                Arguments.of("---\nlab: persistence\ntitle: b\nvariants: { x: ../../../../etc/passwd }\n---\n" + STEP, 4,
                        "variant 'x' must name a file under compose-variants/persistence/, written as persistence/<file>,"
                                + " not '../../../../etc/passwd'"),
                Arguments.of("---\nlab: persistence\ntitle: b\nvariants:\n  x: /etc/passwd\n---\n" + STEP, 5,
                        "variant 'x' must name a file under compose-variants/persistence/, written as persistence/<file>,"
                                + " not '/etc/passwd'"),
                Arguments.of("---\nlab: persistence\ntitle: b\nvariants: { x: persistence/../other/a.yml }\n---\n" + STEP, 4,
                        "variant 'x' must name a file under compose-variants/persistence/, written as persistence/<file>,"
                                + " not 'persistence/../other/a.yml'"),
                Arguments.of("---\nlab: persistence\ntitle: b\nvariants: { x: other/a.yml }\n---\n" + STEP, 4,
                        "variant 'x' must name a file under compose-variants/persistence/, written as persistence/<file>,"
                                + " not 'other/a.yml'"),
                Arguments.of("---\nlab: a\ntitle: b\nlang: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n---\n" + STEP, 4,
                        "invalid front matter YAML: nesting deeper than 64 levels"),
                Arguments.of(HEAD + "intro\n", 5, "the lab has no steps; add a '## 1. title {#id}' heading"),
                Arguments.of(HEAD + "intro\n\n## 1. 업로드\n", 8, "step heading '1. 업로드' has no attribute list; add {#id} at the end"),
                Arguments.of(HEAD + "## 1. 업로드 {variant=fixed}\n", 6, "step heading '1. 업로드' has no #id in {variant=fixed}"),
                Arguments.of(HEAD + "## 1. 업로드 {#Upload}\n", 6, "invalid step id 'Upload' (use lowercase letters, digits and '-')"),
                Arguments.of(HEAD + STEP + "text\n\n## 2. 또 {#upload}\n", 9, "duplicate step id 'upload' (first used on line 6)"),
                Arguments.of(HEAD + "## 1. 업로드 {#upload variant=broken}\n", 6, "unknown variant 'broken' (known: fixed)"),
                Arguments.of("---\nlab: a\ntitle: b\n---\n## 1. 업로드 {#upload variant=fixed}\n", 5,
                        "unknown variant 'fixed' (the front matter declares no variants)"),
                Arguments.of(HEAD + "## 1. 업로드 {#upload expect=pass}\n", 6, "unknown step attribute 'expect=pass'"),
                Arguments.of(HEAD + "## 1. 업로드 {#upload #again}\n", 6, "duplicate step attribute '#again'"),
                Arguments.of(HEAD + "## 1. 업로드 {#upload kind=lesson}\n", 6, "unknown step kind 'kind=lesson' (known: kind=demo, kind=exercise)"),
                Arguments.of(HEAD + "## 1. 업로드 {#upload kind}\n", 6, "unknown step kind 'kind' (known: kind=demo, kind=exercise)"),
                Arguments.of(HEAD + "## 1. 업로드 {#upload kind=exercise}\n\n```check\npath x exists\n```\n", 6,
                        "exercise step 'upload' needs a {solve} block (what `solve` does for a learner who gives up)"),
                Arguments.of(HEAD + "## 1. 업로드 {#upload kind=exercise}\n\n```bash {solve}\ntouch x\n```\n", 6,
                        "exercise step 'upload' needs a check block (what proves the learner did it)"),
                Arguments.of(HEAD + "text\n\n## 1. 업로드 {#upload kind=exercise}\n", 8, "exercise step 'upload' needs a {solve} block and a check block"),
                Arguments.of(HEAD + "## {#upload}\n", 6, "step 'upload' has no title"),
                Arguments.of(HEAD + "intro\n---\n" + STEP, 6, "text followed by a '---' line is a level-2 heading; put a blank"
                        + " line before '---' for a horizontal rule, or write '## title {#id}' for a step"),
                Arguments.of(HEAD + STEP + "\n```bash {run}\nls\n```\n\n```bash {run expct=fail}\nls\n```\n", 12,
                        "unknown block attribute 'expct=fail'"),
                Arguments.of(HEAD + STEP + "```bash run\nls\n```\n", 7, "malformed code block info 'bash run' (expected: language {attributes})"),
                Arguments.of(HEAD + STEP + "```bash {run solve}\nls\n```\n", 7, "a block cannot be both 'run' and 'solve'"),
                Arguments.of(HEAD + STEP + "```check {run}\nx\n```\n", 7, "a 'check' block cannot be 'run'"),
                Arguments.of(HEAD + STEP + "```check {expect=fail}\nx\n```\n", 7, "expect=fail only applies to run and solve blocks"),
                Arguments.of(HEAD + STEP + "```bash {run run}\nls\n```\n", 7, "duplicate block attribute 'run'"),
                Arguments.of(HEAD + STEP + "```check\n# nothing yet\n```\n", 7, "check block has no check lines"),
                Arguments.of(HEAD + STEP + "```check\n[comunity] bucket b exists\n```\n", 8, "unknown edition 'comunity' (known: community, pro)"),
                Arguments.of(HEAD + STEP + "```check {edition=comunity}\nbucket b exists\n```\n", 7,
                        "unknown edition 'comunity' (known: community, pro)"),
                Arguments.of(HEAD + STEP + "```bash {run edition=communty}\nls\n```\n", 7, "unknown edition 'communty' (known: community, pro)"),
                Arguments.of(HEAD + STEP + "```check\nobject a/b exists\n[pro]\n```\n", 9, "check line has an edition scope [pro] but no check"),
                Arguments.of(HEAD + "intro\n\n```bash {run}\nls\n```\n" + STEP, 8,
                        "'run' block outside a step; move it below a '## title {#id}' heading"),
                Arguments.of(HEAD + "```check\nx\n```\n" + STEP, 6, "'check' block outside a step; move it below a '## title {#id}' heading"),
                Arguments.of(HEAD + "```hint\nx\n```\n" + STEP, 6, "'hint' block outside a step; move it below a '## title {#id}' heading"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void reportsFileAndLine(String text, int line, String problem) {
        LabException e = assertThrows(LabException.class, () -> LabLoader.parse(FILE, text));
        assertEquals(FILE + ":" + line + ": " + problem, e.getMessage());
        assertEquals(line, e.line());
        assertEquals(FILE, e.file());
        assertEquals(problem, e.problem());
    }

    /** A check line that does not parse, or whose reference file the lab does not ship, stops the load with its line. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "bucket b exist | expected exists|missing but found 'exist' in check `bucket b exist`",
        "http GET http://[x/ status 200 | invalid value",
        "objects b count = many | invalid value",
        "object b/k sha256 = no-such-file | reference file 'no-such-file' of check `object b/k sha256 = no-such-file` is not in the lab's files/ folder",
        "object b/k sha256 = ../lab.ko.md | reference file '../lab.ko.md'"})
    void checkLinesAreParsedAtLoad(String check, String problem) {
        String text = HEAD + STEP + "```check\nbucket b exists\n" + check + "\n```\n";
        LabException e = assertThrows(LabException.class, () -> LabLoader.parse(FILE, text));
        assertEquals(9, e.line(), e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(e.problem().startsWith(problem), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void windowsLineEndingsReportTheSameLines(String text, int line, String problem) {
        LabException e = assertThrows(LabException.class, () -> LabLoader.parse(FILE, text.replace("\n", "\r\n")));
        assertEquals(line, e.line(), problem);
    }
}
