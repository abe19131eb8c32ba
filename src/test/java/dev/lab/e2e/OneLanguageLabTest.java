package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lab written only in English runs for a Korean learner: in English, with one note saying so. */
class OneLanguageLabTest {
    @TempDir Path home;

    @Test
    void anEnglishOnlyLabRunsUnderAKoreanLocaleAndSaysSoOnce() throws Exception {
        Path lab = Files.createDirectories(home.resolve("labs/cors"));
        Files.writeString(lab.resolve("lab.en.md"), "---\nlab: cors\ntitle: English only\n---\n## 1. Say hi {#hi}\n\n"
                + "```bash {run}\necho hi-there\n```\n\n```check\noutput contains \"hi-there\"\n```\n");
        var test = Child.run(home, "", "test", lab.toString());
        assertEquals(0, test.exitCode(), test.out());
        assertEquals(1, test.out().lines().filter(l -> l.equals("참고: 실습 cors에는 lab.ko.md 파일이 없어 lab.en.md로 진행합니다")).count(), test.out());
        assertTrue(test.out().contains("1/1 checks held"), test.out());
        var validate = Child.run(home, "", "validate", lab.toString());
        assertEquals(0, validate.exitCode(), validate.out());
    }
}
