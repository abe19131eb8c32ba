package dev.lab.doctor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem {@code lab doctor} found in a compose file.
 *
 * @param rule    the rule that fired
 * @param service the LocalStack service it concerns
 * @param file    the compose file, as it was named
 * @param line    1-based line: the offending entry's, or the service's when nothing narrower exists
 * @param message what is wrong and what it does, one line
 * @param fix     what to change, one line
 */
public record Finding(Rule rule, String service, Path file, int line, String message, String fix) {

    /** Rejects missing parts so every finding prints completely. */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** {@code file:line}, as compilers and editors understand it. */
    public String location() {
        return file + ":" + line;
    }
}
