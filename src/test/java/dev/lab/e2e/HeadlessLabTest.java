package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole persistence lab, headless, on the embedded engine, in both editions, with its reports. */
class HeadlessLabTest {
    @TempDir Path home;

    @ParameterizedTest
    @CsvSource({"run, community-4.14, ko, builtin", "run, pro, ko, builtin", "test, community-4.14, ko, builtin", "test, pro, ko, real",
                "run, community-4.14, en, real", "test, pro, en, builtin"})
    void everyStepHoldsAndTheReportsSaySo(String command, String edition, String lang, String awsCli) throws Exception {
        Path reports = home.resolve("reports");
        // The built-in aws by default; the installed AWS CLI in two runs, so the lab holds with either.
        var r = Child.run(home, java.util.Map.of("LAB_AWS_CLI", awsCli), "", command, "persistence", "--engine", "embedded", "--edition", edition, "--lang", lang,
                "--report-dir", reports.toString());
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("19/19 steps held (11 passed, 8 solved, 0 failed)"), r.out());
        String note = lang.equals("en") ? (edition.equals("pro") ? "With `PERSISTENCE=1`" : "Community 4.14 has no persistence")
                : (edition.equals("pro") ? "Pro는" : "Community 4.14에는");
        assertTrue(r.out().contains(edition + ": " + note), "the edition is explained: " + r.out());
        assertTrue(r.out().contains(lang.equals("en") ? "Start LocalStack and the data folder" : "LocalStack 시작과 데이터 폴더"), r.out());
        String json = Files.readString(reports.resolve("persistence.json"));
        assertTrue(json.contains("\"passed\": true"), json);
        assertTrue(json.contains("\"counts\": {\"passed\": 11, \"solved\": 8, \"failed\": 0}"), json);
        assertEquals("solved", status(json, "permission-fix"), "the exercise is solved by its solution, not passed");
        assertEquals("solved", status(json, "restart"), "an exercise is solved");
        assertEquals("solved", status(json, "data-dir"), "cause 2 is an exercise, solved by its fix");
        assertEquals("passed", status(json, "inspect"), "a demonstration step passes");
        assertTrue(json.contains("\"edition\": \"" + edition + "\""), json);
        String xml = Files.readString(reports.resolve("persistence.junit.xml"));
        assertTrue(xml.contains("tests=\"19\" failures=\"0\""), xml);
        assertTrue(xml.contains("<property name=\"status\" value=\"solved\"/>"), xml);
        assertTrue(r.out().contains(lang.equals("en") ? "step 17 solved (" : "단계 17 풀이로 통과 ("), r.out());
        assertEquals(edition.equals("pro")
                ? List.of("container localstack running", "object portal-blog-uploads/abc-123.jpg sha256 = test-image.jpg",
                        "path localstack_data/state/s3 not-empty")
                : List.of("container localstack running", "bucket portal-blog-uploads missing",
                        "http GET http://localhost:4566/portal-blog-uploads/abc-123.jpg status 404 code NoSuchBucket"),
                heldChecks(json, "restart"), "the restart step evaluates exactly its unscoped and " + edition + " checks, and they hold");
        assertTrue(Files.list(home.resolve("data/embedded-engine/volumes")).findAny().isEmpty(), "the run cleans up its volumes");
    }

    private static String status(String json, String id) throws Exception {
        for (JsonNode step : new ObjectMapper().readTree(json).get("steps")) if (step.get("id").asText().equals(id)) return step.get("status").asText();
        throw new AssertionError("no step " + id + " in " + json);
    }

    /** The checks of step {@code id} in the JSON report, each with " ✗" appended when it did not hold. */
    private static List<String> heldChecks(String json, String id) throws Exception {
        for (JsonNode step : new ObjectMapper().readTree(json).get("steps")) {
            if (!step.get("id").asText().equals(id)) continue;
            var checks = new ArrayList<String>();
            step.get("checks").forEach(c -> checks.add(c.get("check").asText() + (c.get("passed").asBoolean() ? "" : " ✗")));
            return checks;
        }
        throw new AssertionError("no step " + id + " in " + json);
    }
}
