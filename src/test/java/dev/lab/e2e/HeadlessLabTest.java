package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole persistence lab, headless, on the embedded engine, in both editions, with its reports. */
class HeadlessLabTest {
    @TempDir Path home;

    @ParameterizedTest
    @CsvSource({"run, community-4.14, ko", "run, pro, ko", "test, community-4.14, ko", "test, pro, ko",
                "run, community-4.14, en", "test, pro, en"})
    void everyStepHoldsAndTheReportsSaySo(String command, String edition, String lang) throws Exception {
        Path reports = home.resolve("reports");
        var r = Child.run(home, "", command, "persistence", "--engine", "embedded", "--edition", edition, "--lang", lang,
                "--report-dir", reports.toString());
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("19/19 steps passed"), r.out());
        String note = lang.equals("en") ? (edition.equals("pro") ? "With `PERSISTENCE=1`" : "Community 4.14 has no persistence")
                : (edition.equals("pro") ? "Pro는" : "Community 4.14에는");
        assertTrue(r.out().contains(edition + ": " + note), "the edition is explained: " + r.out());
        assertTrue(r.out().contains(lang.equals("en") ? "Start LocalStack and the data folder" : "LocalStack 시작과 데이터 폴더"), r.out());
        String json = Files.readString(reports.resolve("persistence.json"));
        assertTrue(json.contains("\"passed\": true"), json);
        assertTrue(json.contains("\"edition\": \"" + edition + "\""), json);
        String xml = Files.readString(reports.resolve("persistence.junit.xml"));
        assertTrue(xml.contains("tests=\"19\" failures=\"0\""), xml);
        if (edition.equals("pro")) {
            assertTrue(r.out().contains("✓ [pro]") || r.out().contains("object portal-blog-uploads/abc-123.jpg sha256"), r.out());
        } else {
            assertTrue(r.out().contains("NoSuchBucket"), "community loses the bucket on restart: " + r.out());
        }
        assertTrue(Files.list(home.resolve("data/embedded-engine/volumes")).findAny().isEmpty(), "the run cleans up its volumes");
    }
}
