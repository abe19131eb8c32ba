package dev.lab.report;

import dev.lab.check.CheckResult;
import dev.lab.json.Json;
import dev.lab.session.CommandResult;
import dev.lab.session.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a headless run's results as {@code <lab>.json} and {@code <lab>.junit.xml}. Each step is
 * {@code passed}, {@code solved} (an exercise its solution did; it counts as held) or {@code failed}.
 */
public final class Reports {
    private Reports() {}

    public static void write(Path dir, String lab, String engine, String edition, List<StepResult> steps) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(lab + ".json"), json(lab, engine, edition, steps));
        Files.writeString(dir.resolve(lab + ".junit.xml"), junit(lab, engine, edition, steps));
    }

    /** The steps counted by status: {@code 18 passed, 1 solved, 0 failed}. */
    public static String counts(List<StepResult> steps) {
        return count(steps, StepResult.Status.PASSED) + " passed, " + count(steps, StepResult.Status.SOLVED) + " solved, "
                + count(steps, StepResult.Status.FAILED) + " failed";
    }

    private static long count(List<StepResult> steps, StepResult.Status status) {
        return steps.stream().filter(r -> r.status() == status).count();
    }

    static String json(String lab, String engine, String edition, List<StepResult> steps) {
        var s = new StringBuilder("{\n  \"lab\": " + q(lab) + ",\n  \"engine\": " + q(engine) + ",\n  \"edition\": " + q(edition)
                + ",\n  \"passed\": " + steps.stream().allMatch(StepResult::passed)
                + ",\n  \"counts\": {\"passed\": " + count(steps, StepResult.Status.PASSED) + ", \"solved\": "
                + count(steps, StepResult.Status.SOLVED) + ", \"failed\": " + count(steps, StepResult.Status.FAILED) + "},\n  \"steps\": [");
        for (int i = 0; i < steps.size(); i++) {
            StepResult r = steps.get(i);
            s.append(i == 0 ? "\n" : ",\n").append("    {\"number\": ").append(r.number()).append(", \"id\": ").append(q(r.id()))
                    .append(", \"title\": ").append(q(r.title())).append(", \"passed\": ").append(r.passed())
                    .append(", \"status\": ").append(q(r.status().word()))
                    .append(", \"millis\": ").append(r.millis()).append(", \"error\": ").append(r.error() == null ? "null" : q(r.error()))
                    .append(",\n     \"commands\": [");
            for (int j = 0; j < r.commands().size(); j++) {
                CommandResult c = r.commands().get(j);
                s.append(j == 0 ? "" : ", ").append("{\"command\": ").append(q(c.command())).append(", \"exitCode\": ")
                        .append(c.exitCode()).append(", \"expectFail\": ").append(c.expectFail()).append("}");
            }
            s.append("],\n     \"checks\": [");
            for (int j = 0; j < r.checks().size(); j++) {
                CheckResult c = r.checks().get(j);
                s.append(j == 0 ? "\n" : ",\n").append("       {\"check\": ").append(q(c.check())).append(", \"expected\": ")
                        .append(q(c.expected())).append(", \"actual\": ").append(q(c.actual())).append(", \"passed\": ")
                        .append(c.passed()).append(", \"evidence\": ").append(q(c.evidence())).append("}");
            }
            s.append("]}");
        }
        return s.append("\n  ]\n}\n").toString();
    }

    static String junit(String lab, String engine, String edition, List<StepResult> steps) {
        long failures = steps.stream().filter(r -> !r.passed()).count();
        double seconds = steps.stream().mapToLong(StepResult::millis).sum() / 1000.0;
        var s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<testsuite name=\"").append(x(lab + " (" + engine + ", " + edition + ")")).append("\" tests=\"").append(steps.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" time=\"").append(seconds).append("\">\n");
        for (StepResult r : steps) {
            s.append("  <testcase classname=\"").append(x(lab)).append("\" name=\"").append(x(r.number() + ". " + r.id()))
                    .append("\" time=\"").append(r.millis() / 1000.0).append("\">\n");
            s.append("    <properties><property name=\"status\" value=\"").append(r.status().word()).append("\"/></properties>\n");
            if (!r.passed()) {
                String message = r.error() != null ? r.error()
                        : r.checks().stream().filter(c -> !c.passed()).map(c -> c.check() + ": expected " + c.expected() + ", found " + c.actual())
                        .reduce((a, b) -> a + "; " + b).orElse("");
                s.append("    <failure message=\"").append(x(message)).append("\">").append(x(message)).append("</failure>\n");
            }
            var out = new StringBuilder("STATUS " + r.status().word() + "\n");
            for (CheckResult c : r.checks()) {
                out.append(c.passed() ? "PASS " : "FAIL ").append(c.check()).append(" | expected: ").append(c.expected())
                        .append(" | actual: ").append(c.actual()).append(" | ").append(c.evidence()).append('\n');
            }
            s.append("    <system-out>").append(x(out.toString())).append("</system-out>\n  </testcase>\n");
        }
        return s.append("</testsuite>\n").toString();
    }

    private static String q(String v) { return Json.string(v); }

    private static String x(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }
}
