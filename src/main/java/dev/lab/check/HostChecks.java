package dev.lab.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Checks on the host: folders in the workspace, and the output of the step's commands. */
final class HostChecks {
    private HostChecks() {}

    static Check path(String text, String path, String state) {
        return new Check() {
            @Override public String text() { return text; }

            @Override public CheckResult evaluate(Probes p) {
                Path f = p.workspace().resolve(path).normalize();
                boolean presence = state.equals("exists") || state.equals("missing");
                String actual;
                String evidence;
                if (!Files.exists(f)) {
                    actual = "missing";
                    evidence = path + " does not exist";
                } else if (Files.isDirectory(f)) {
                    try (Stream<Path> s = Files.list(f)) {
                        var names = s.map(x -> x.getFileName().toString()).sorted().toList();
                        actual = presence ? "exists" : names.isEmpty() ? "empty" : "not-empty";
                        evidence = "ls " + path + ": " + (names.isEmpty() ? "(empty)" : String.join(" ", names));
                    } catch (IOException e) {
                        actual = "unreadable";
                        evidence = e.getMessage();
                    }
                } else {
                    actual = presence ? "exists" : "not-empty";
                    evidence = path + " is a file";
                }
                return CheckResult.of(text, state, actual, actual.equals(state), evidence);
            }
        };
    }

    static Check output(String text, Expectation e) {
        return new Check() {
            @Override public String text() { return text; }

            @Override public CheckResult evaluate(Probes p) {
                var lines = p.lastOutput().get();
                return e.result(text, lines, e.evidence(lines, "(no output)"));
            }
        };
    }
}
