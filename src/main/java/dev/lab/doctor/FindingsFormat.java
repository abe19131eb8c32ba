package dev.lab.doctor;

import dev.lab.json.Json;
import java.util.List;
import java.util.function.Function;

/** Prints findings for people (aligned columns, a {@code fix:} line each, a count) or as a JSON array for tools. */
public final class FindingsFormat {
    private FindingsFormat() {}

    /**
     * One aligned line per finding (id, severity, service, {@code file:line}, message), its {@code fix:}
     * line under it, then {@code N problem(s)} or {@code no problems found} (or that the file has no
     * LocalStack service, so nothing was checked).
     */
    public static String text(Checkup checkup) {
        List<Finding> findings = checkup.findings();
        var out = new StringBuilder();
        int severity = width(findings, f -> f.rule().severity().word());
        int service = width(findings, Finding::service);
        int location = width(findings, Finding::location);
        String indent = " ".repeat(Rule.LS001.id().length() + 2);
        for (Finding f : findings) {
            out.append(String.format("%s  %-" + severity + "s  %-" + service + "s  %-" + location + "s  %s%n",
                    f.rule().id(), f.rule().severity().word(), f.service(), f.location(), f.message()));
            out.append(indent).append("fix: ").append(f.fix()).append(System.lineSeparator());
        }
        long notes = findings.size() - checkup.problems();
        String noted = notes == 0 ? "" : ", " + notes + " note(s)";
        String last = checkup.problems() > 0 ? checkup.problems() + " problem(s)" + noted
                : !checkup.services().isEmpty() ? "no problems found" + noted
                : "no LocalStack service (image localstack/localstack or localstack/localstack-pro) in " + checkup.file()
                + ": nothing to check";
        out.append(last).append(System.lineSeparator());
        return out.toString();
    }

    /** A JSON array of objects with {@code id, name, severity, service, file, line, message, fix}; {@code []} when none. */
    public static String json(Checkup checkup) {
        List<Finding> findings = checkup.findings();
        if (findings.isEmpty()) return "[]" + System.lineSeparator();
        var out = new StringBuilder("[");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("  {\"id\": ").append(Json.string(f.rule().id()))
                    .append(", \"name\": ").append(Json.string(f.rule().ruleName()))
                    .append(", \"severity\": ").append(Json.string(f.rule().severity().word()))
                    .append(", \"service\": ").append(Json.string(f.service()))
                    .append(", \"file\": ").append(Json.string(f.file().toString()))
                    .append(", \"line\": ").append(f.line())
                    .append(", \"message\": ").append(Json.string(f.message()))
                    .append(", \"fix\": ").append(Json.string(f.fix())).append('}');
        }
        return out.append("\n]").append(System.lineSeparator()).toString();
    }

    private static int width(List<Finding> findings, Function<Finding, String> column) {
        return findings.stream().mapToInt(f -> column.apply(f).length()).max().orElse(1);
    }
}
