package dev.lab.doctor;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of {@link Doctor#check(Path)}.
 *
 * @param file     the compose file, as named
 * @param services the LocalStack services the rules looked at, in file order (none: nothing was checked)
 * @param findings what fired, by line then rule id
 */
public record Checkup(Path file, List<String> services, List<Finding> findings) {

    /** Copies the lists so the result stays immutable. */
    public Checkup {
        services = List.copyOf(services);
        findings = List.copyOf(findings);
    }

    /** The exit code of {@code lab doctor}: 1 when any rule fired, else 0. */
    public int exitCode() {
        return problems() == 0 ? 0 : 1;
    }

    /** Findings that are problems of the file (errors and warnings, not notes). */
    public long problems() {
        return findings.stream().filter(f -> f.rule().severity() != Rule.Severity.NOTE).count();
    }
}
