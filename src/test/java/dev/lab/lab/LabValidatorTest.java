package dev.lab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabValidatorTest {

    private static final String ENGLISH = SampleLabs.KOREAN
            .replace("title: LocalStack 데이터 영속성", "title: LocalStack data persistence")
            .replace("1. 파일 업로드", "1. Upload a file")
            .replace("2. 재시작 후 확인", "2. Check after restart")
            .replace("`awslocal s3 ls`로 버킷을 확인하세요.", "Check the bucket with `awslocal s3 ls`.");

    private static Lab lab(String lang, String text) {
        return LabLoader.parse(Path.of("labs/persistence/lab." + lang + ".md"), text);
    }

    @Test
    void matchingTranslationsHaveNoProblems() {
        assertEquals(List.of(), LabValidator.compare(lab("ko", SampleLabs.KOREAN), lab("en", ENGLISH)));
    }

    @Test
    void reportsDifferentStepKinds() {
        String en = ENGLISH.replace("{#upload variant=fixed}", "{#upload variant=fixed kind=exercise}");
        assertEquals(List.of("step 'upload' is kind=demo in ko but kind=exercise in en"),
                LabValidator.compare(lab("ko", SampleLabs.KOREAN), lab("en", en)));
        String ko = SampleLabs.KOREAN.replace("{#upload variant=fixed}", "{#upload variant=fixed kind=exercise}");
        assertEquals(List.of(), LabValidator.compare(lab("ko", ko), lab("en", en)), "the same kind in both is fine");
    }

    @Test
    void reportsVariantDifferences() {
        String en = ENGLISH.replace("no-volume: persistence/no-volume.yml", "bare: persistence/no-volume.yml")
                .replace("fixed: persistence/named-volume.yml", "fixed: persistence/other.yml")
                .replace("variant=no-volume", "variant=bare");
        assertEquals(List.of(
                "variant 'fixed' is persistence/named-volume.yml in ko but persistence/other.yml in en",
                "variant 'no-volume' is in ko but missing in en",
                "variant 'bare' is in en but missing in ko",
                "step 'restart' has variant 'no-volume' in ko but 'bare' in en"),
                LabValidator.compare(lab("ko", SampleLabs.KOREAN), lab("en", en)));
    }

    @Test
    void reportsStepDifferences() {
        String en = ENGLISH.replace("{#upload variant=fixed}", "{#upload}")
                .replace("[community] object portal-blog-uploads/abc-123.jpg missing\n", "")
                .replace("{#restart variant=no-volume expect=fail}", "{#reboot variant=no-volume expect=fail}");
        assertEquals(List.of(
                "step 'upload' has variant 'fixed' in ko but none in en",
                "step 'upload' has 2 check lines in ko but 1 in en",
                "step 'restart' is in ko but missing in en",
                "step 'reboot' is in en but missing in ko"),
                LabValidator.compare(lab("ko", SampleLabs.KOREAN), lab("en", en)));
    }

    @Test
    void reportsTranslatedChecksAndCommands() {
        String en = ENGLISH.replaceFirst("object portal-blog-uploads/abc-123.jpg exists", "object portal-blog-uploads/abc-123.jpg missing")
                .replaceFirst("awslocal s3 cp", "aws s3 cp");
        var problems = LabValidator.compare(lab("ko", SampleLabs.KOREAN), lab("en", en));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("step 'upload' check 1 differs: `object portal-blog-uploads/abc-123.jpg exists` in ko"),
                problems.get(0));
        assertEquals("step 'upload' runs different commands in ko and en: translations translate prose, never commands", problems.get(1));
    }

    @Test
    void reportsReorderedSteps() {
        String swapped = "---\nlab: x\ntitle: T\n---\n## 2. B {#b}\n## 1. A {#a}\n";
        String ordered = "---\nlab: x\ntitle: T\n---\n## 1. A {#a}\n## 2. B {#b}\n";
        assertEquals(List.of("steps are in a different order: ko has a, b; en has b, a"),
                LabValidator.compare(lab("ko", ordered), lab("en", swapped)));
    }

    @Test
    void sameLanguageIsToldApartByFile() {
        Lab a = LabLoader.parse(Path.of("a/lab.ko.md"), "---\nlab: x\ntitle: T\n---\n## 1. A {#a}\n");
        Lab b = LabLoader.parse(Path.of("b/lab.ko.md"), "---\nlab: x\ntitle: T\n---\n## 1. B {#b}\n");
        assertEquals(List.of("step 'a' is in a/lab.ko.md but missing in b/lab.ko.md",
                "step 'b' is in b/lab.ko.md but missing in a/lab.ko.md"), LabValidator.compare(a, b));
    }
}
