package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A typo in a check (scope, edition, syntax, reference file) is refused by validate and by run, never a check that silently disappears. */
class LabTyposTest {
    @TempDir Path home;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "```check\\n[comunity] bucket b exists\\n```          | 8 | unknown edition 'comunity' (known: community, pro)",
        "```check {edition=comunity}\\nbucket b exists\\n``` | 7 | unknown edition 'comunity' (known: community, pro)",
        "```check\\nobject b/k sha256 = no-such-file\\n```    | 8 | reference file 'no-such-file'",
        "```check\\nbucket b present\\n```                    | 8 | expected exists|missing but found 'present'"})
    void validateAndRunRefuseTheTypoWithItsLine(String block, int line, String problem) throws Exception {
        Path lab = Files.createDirectories(home.resolve("labs/typo"));
        Files.createDirectories(lab.resolve("files"));
        Files.writeString(lab.resolve("lab.ko.md"), "---\nlab: typo\ntitle: t\n---\n## 1. a {#a}\n\n"
                + block.strip().replace("\\n", "\n") + "\n\n```bash {run}\necho hi\n```\n");
        for (String command : new String[] {"validate", "run"}) {
            var r = Child.run(home, "", command, lab.toString());
            assertEquals(2, r.exitCode(), command + ": " + r.out());
            assertTrue(r.out().contains("lab.ko.md:" + line + ": " + problem), command + ": " + r.out());
            assertEquals(1, r.out().strip().lines().count(), command + ": " + r.out());
        }
    }
}
