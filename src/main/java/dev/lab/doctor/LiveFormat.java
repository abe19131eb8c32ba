package dev.lab.doctor;

import dev.lab.json.Json;
import dev.lab.doctor.LiveReport.ContainerState;
import dev.lab.doctor.LiveReport.Row;
import dev.lab.term.Table;
import java.util.List;

/** Prints a {@link LiveReport} as a table (action → what survived) for people, or as JSON for tools. */
public final class LiveFormat {
    private static final int WIDTH = 100;

    private LiveFormat() {}

    /** A heading, the survival table, and why LocalStack stopped wherever it did not come back. */
    public static String text(LiveReport r) {
        var out = new StringBuilder();
        line(out, "lab doctor --live: " + r.file() + ", service " + r.service() + " on the " + r.engine() + " engine, edition "
                + r.edition() + " (" + r.endpoint() + ")");
        if (r.hooksNotRun() != null) line(out, r.hooksNotRun());
        if (!r.atStart().running()) {
            line(out, "LocalStack did not start: " + why(r.atStart()));
            return out.toString();
        }
        line(out, "before each action: bucket " + S3Probe.BUCKET + " and object " + S3Probe.BUCKET + "/" + S3Probe.KEY + " written");
        var table = Table.of(List.of("action", "bucket survived", "object survived", "container"));
        for (Row row : r.rows()) {
            table.row(row.action().label(), yesNo(row.bucketSurvived()), yesNo(row.objectSurvived()), row.container().state());
        }
        table.renderPlain(WIDTH).forEach(l -> line(out, l));
        for (Row row : r.rows()) {
            if (!row.container().running()) line(out, row.action().label() + ": LocalStack did not come back: " + why(row.container()));
        }
        return out.toString();
    }

    /**
     * One JSON object: {@code engine, edition, file, service, endpoint, hooksNotRun, started, state, log} and
     * {@code actions}, an array of {@code {action, bucketSurvived, objectSurvived, state, log}}.
     */
    public static String json(LiveReport r) {
        var out = new StringBuilder("{\"engine\": ").append(Json.string(r.engine()))
                .append(", \"edition\": ").append(Json.string(r.edition()))
                .append(", \"file\": ").append(Json.string(r.file().toString()))
                .append(", \"service\": ").append(Json.string(r.service()))
                .append(", \"endpoint\": ").append(Json.string(r.endpoint()))
                .append(", \"hooksNotRun\": ").append(Json.string(r.hooksNotRun()))
                .append(",\n \"started\": ").append(r.atStart().running()).append(state(r.atStart()))
                .append(",\n \"actions\": [");
        for (int i = 0; i < r.rows().size(); i++) {
            Row row = r.rows().get(i);
            out.append(i == 0 ? "\n" : ",\n").append("  {\"action\": ").append(Json.string(row.action().label()))
                    .append(", \"bucketSurvived\": ").append(row.bucketSurvived())
                    .append(", \"objectSurvived\": ").append(row.objectSurvived()).append(state(row.container())).append('}');
        }
        return out.append(r.rows().isEmpty() ? "]}" : "\n ]}").append(System.lineSeparator()).toString();
    }

    private static String state(ContainerState c) {
        return ", \"state\": " + Json.string(c.state()) + ", \"log\": " + Json.string(c.logLine());
    }

    private static String why(ContainerState c) {
        return c.state() + (c.logLine() == null ? "" : " — " + c.logLine());
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(System.lineSeparator());
    }
}
