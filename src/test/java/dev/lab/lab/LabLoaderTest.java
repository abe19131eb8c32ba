package dev.lab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabLoaderTest {

    @TempDir
    Path labs;

    private Lab lab;

    @BeforeEach
    void load() throws IOException {
        Path dir = Files.createDirectories(labs.resolve("persistence"));
        Files.writeString(dir.resolve("lab.ko.md"), SampleLabs.KOREAN);
        lab = LabLoader.loadFolder(dir, "ko");
    }

    @Test
    void aStepIsADemonstrationUnlessItsHeadingSaysExercise() {
        assertEquals(Step.Kind.DEMO, lab.steps().get(0).kind(), "no kind= keeps today's behaviour");
        assertFalse(lab.steps().get(0).exercise());
        Lab marked = LabLoader.parse(Path.of("labs/persistence/lab.ko.md"), SampleLabs.KOREAN
                .replace("{#upload variant=fixed}", "{#upload kind=exercise variant=fixed}")
                .replace("{#restart variant=no-volume expect=fail}", "{#restart variant=no-volume expect=fail kind=demo}"));
        assertEquals(Step.Kind.EXERCISE, marked.steps().get(0).kind());
        assertTrue(marked.steps().get(0).exercise());
        assertEquals("fixed", marked.steps().get(0).variant(), "the other attributes still count");
        assertEquals(Step.Kind.DEMO, marked.steps().get(1).kind());
        assertTrue(marked.steps().get(1).expectFail());
    }

    @Test
    void readsFrontMatterAndIntro() {
        assertEquals("persistence", lab.id());
        assertEquals("LocalStack 데이터 영속성", lab.title());
        assertEquals("ko", lab.lang());
        assertEquals(List.of("fixed", "no-volume"), List.copyOf(lab.variants().keySet()));
        assertEquals("persistence/no-volume.yml", lab.variants().get("no-volume"));
        assertEquals(labs.resolve("persistence").toAbsolutePath(), lab.dir());
        assertEquals("# LocalStack 데이터 영속성\n\n컨테이너를 재시작해도 S3 객체가 남아 있는지 확인합니다.\n\n"
                + "```text\nlabs/persistence/files/\n```", lab.introMarkdown());
    }

    @Test
    void readsStepHeadings() {
        assertEquals(2, lab.steps().size());
        Step upload = lab.steps().get(0);
        assertEquals(1, upload.number());
        assertEquals("upload", upload.id());
        assertEquals("1. 파일 업로드", upload.title());
        assertEquals("fixed", upload.variant());
        assertFalse(upload.expectFail());
        assertEquals(SampleLabs.lineOf("## 1. 파일 업로드"), upload.line());
        Step restart = lab.steps().get(1);
        assertEquals("2. 재시작 후 확인", restart.title());
        assertEquals("no-volume", restart.variant());
        assertTrue(restart.expectFail());
        assertEquals(restart, lab.step("2").orElseThrow());
        assertEquals(restart, lab.step("restart").orElseThrow());
        assertTrue(lab.step("3").isEmpty());
        assertTrue(lab.step("nope").isEmpty());
    }

    @Test
    void classifiesBlocks() {
        Step upload = lab.steps().get(0);
        assertEquals(List.of(Block.Kind.RUN, Block.Kind.CHECK, Block.Kind.HINT, Block.Kind.SOLVE, Block.Kind.NOTES),
                upload.blocks().stream().map(Block::kind).toList());
        Block run = upload.runBlocks().get(0);
        assertEquals("bash", run.language());
        assertEquals(SampleLabs.lineOf("```bash {run}"), run.line());
        assertEquals(List.of("`awslocal s3 ls`로 버킷을 확인하세요."), upload.hints());
        assertEquals(List.of("awslocal s3 cp files/test-image.jpg s3://portal-blog-uploads/abc-123.jpg"), upload.solves());
        assertEquals(List.of("발표자: 볼륨이 없으면 재시작 후 사라집니다."), upload.notes());
        Step restart = lab.steps().get(1);
        assertEquals(List.of(Block.Kind.RUN, Block.Kind.SOLVE, Block.Kind.CHECK),
                restart.blocks().stream().map(Block::kind).toList());
        assertTrue(restart.runBlocks().get(0).expectFail());
        assertEquals("solve", restart.solveBlocks().get(0).language());
        assertEquals("pro", restart.blocks().get(2).edition());
    }

    @Test
    void joinsContinuedCommandsAndKeepsTheirLines() {
        List<Command> commands = lab.steps().get(0).runBlocks().get(0).commands();
        assertEquals(List.of(
                new Command("awslocal s3 mb s3://portal-blog-uploads", SampleLabs.lineOf("awslocal s3 mb")),
                new Command("awslocal s3 cp files/test-image.jpg s3://portal-blog-uploads/abc-123.jpg",
                        SampleLabs.lineOf("awslocal s3 cp files/test-image.jpg \\"))), commands);
    }

    @Test
    void splitsCheckLinesWithEditions() {
        int first = SampleLabs.lineOf("object portal-blog-uploads/abc-123.jpg exists");
        assertEquals(List.of(
                new CheckLine("object portal-blog-uploads/abc-123.jpg exists", null, first),
                new CheckLine("object portal-blog-uploads/abc-123.jpg missing", "community", first + 1)),
                lab.steps().get(0).checks());
        List<CheckLine> restart = lab.steps().get(1).checks();
        assertEquals(List.of("pro", "community"), restart.stream().map(CheckLine::edition).toList());
        assertEquals("container localstack running", restart.get(1).text());
        assertEquals(SampleLabs.lineOf("[community] container localstack running"), restart.get(1).line());
    }

    @Test
    void displayMarkdownLeavesOutHintSolveAndNotes() {
        String upload = lab.steps().get(0).displayMarkdown();
        assertTrue(upload.startsWith("LocalStack에 **테스트 이미지**를 올립니다."), upload);
        assertTrue(upload.contains("| 버킷 | `portal-blog-uploads` |"));
        assertTrue(upload.contains("```bash {run}"));
        assertTrue(upload.endsWith("[community] object portal-blog-uploads/abc-123.jpg missing\n```"), upload);
        for (String hidden : List.of("```hint", "awslocal s3 ls", "{solve}", "```notes", "발표자")) {
            assertFalse(upload.contains(hidden), hidden);
        }
        assertEquals("""
                ### 재시작

                ```bash {run expect=fail}
                curl -f http://localhost:4566/portal-blog-uploads/missing.jpg
                ```

                ```check {edition=pro}
                object portal-blog-uploads/abc-123.jpg exists
                [community] container localstack running
                ```""", lab.steps().get(1).displayMarkdown());
    }

    @Test
    void langComesFromFrontMatterBeforeFileName() {
        Lab english = LabLoader.parse(Path.of("labs/persistence/lab.en.md"), SampleLabs.KOREAN);
        assertEquals("en", english.lang());
        Lab explicit = LabLoader.parse(Path.of("labs/persistence/lab.en.md"),
                SampleLabs.KOREAN.replace("title: LocalStack", "lang: ja\ntitle: LocalStack"));
        assertEquals("ja", explicit.lang());
        Lab plain = LabLoader.parse(Path.of("x.md"), "---\nlab: x\ntitle: T\n---\n## A {#a}\n");
        assertEquals(LabLoader.DEFAULT_LANG, plain.lang());
        assertEquals(Map.of(), plain.variants());
        assertNull(plain.steps().get(0).variant());
        assertEquals("", plain.introMarkdown());
    }
}
